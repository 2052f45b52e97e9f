package fr.eintervention.linetest.oc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.eintervention.linetest.TestWindow;

class ReceivedTestsTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    private final ReceivedTests tests = new ReceivedTests(START);

    @Test
    void eachTestFromThePreviousOneReceivedOrFromTheStart() {
        assertThat(tests.receive(1, START.plusSeconds(600))).isEqualTo(new TestWindow(START, true, START.plusSeconds(600)));
        assertThat(tests.receive(2, START.plusSeconds(1200))).isEqualTo(new TestWindow(START.plusSeconds(600), false, START.plusSeconds(1200)));
    }

    @Test
    void anOcNotAskedAnEarlierTestStartsFromTheLastItReceived() {
        assertThat(tests.receive(3, START.plusSeconds(1800))).isEqualTo(new TestWindow(START, true, START.plusSeconds(1800)));
        tests.receive(1, START.plusSeconds(600));

        assertThat(tests.window(3)).isEqualTo(new TestWindow(START.plusSeconds(600), false, START.plusSeconds(1800)));
    }

    @Test
    void theEndsWindowIsTheWholeIntervention() {
        tests.receive(1, START.plusSeconds(600));

        assertThat(tests.endWindow(START.plusSeconds(3600))).isEqualTo(TestWindow.ofEnd(START, START.plusSeconds(3600)));
    }

    @Test
    void aTestNotReceivedHasNoWindow() {
        assertThatThrownBy(() -> tests.window(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
