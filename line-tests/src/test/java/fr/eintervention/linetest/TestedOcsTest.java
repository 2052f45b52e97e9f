package fr.eintervention.linetest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TestedOcsTest {

    @Test
    void whatTheOiWritesTheAppReads() {
        for (TestedOcs tested : List.of(new TestedOcs(1, List.of("OC01", "OC02"), List.of("OC03")),
                new TestedOcs(2, List.of("OC01"), List.of()), new TestedOcs(5, List.of(), List.of("OC03", "OC04")),
                new TestedOcs(3, List.of(), List.of()))) {
            assertThat(TestedOcs.parse(tested.description())).contains(tested);
        }
    }

    @Test
    void anyOtherTextIsNotRead() {
        assertThat(TestedOcs.parse("OK")).isEmpty();
        assertThat(TestedOcs.parse(null)).isEmpty();
    }
}
