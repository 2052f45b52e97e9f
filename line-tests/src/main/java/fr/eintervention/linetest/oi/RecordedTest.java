package fr.eintervention.linetest.oi;

import java.time.Instant;
import java.util.Map;

import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.TestedOcs;

/**
 * One test of a series as stored and restored: an intermediate test, or the end's round
 * ({@code numeroTest} {@code null}, {@code dateTest} the end).
 *
 * @param states  per OC asked, where it stands
 * @param answers per OC that answered, its answer
 */
public record RecordedTest(Integer numeroTest, Instant dateTest, Instant acceptedAt, TestWindow window, TestedOcs tested,
        Map<String, OcState> states, Map<String, OcAnswer> answers) {

    public RecordedTest {
        states = Map.copyOf(states);
        answers = Map.copyOf(answers);
    }
}
