package fr.eintervention.linetest.oi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.TestedOcs;

/**
 * One round of questions to the OCs: an intermediate test, or the end's round ({@code numeroTest}
 * {@code null}). Per OC asked: waiting, answered (with what), or given up.
 */
final class LineTest {

    private final Integer numeroTest;
    private final Instant dateTest;
    private final Instant acceptedAt;
    private final TestWindow window;
    private final TestedOcs tested;
    private final Map<String, OcState> states = new LinkedHashMap<>();
    private final Map<String, OcAnswer> answers = new LinkedHashMap<>();

    LineTest(Integer numeroTest, Instant dateTest, Instant acceptedAt, TestWindow window, TestedOcs tested) {
        this.numeroTest = numeroTest;
        this.dateTest = dateTest;
        this.acceptedAt = acceptedAt;
        this.window = window;
        this.tested = tested;
        tested.relayedTo().forEach(oc -> states.put(oc, OcState.WAITING));
    }

    /** A test as it was stored, the OCs in the order they were asked. */
    static LineTest restore(RecordedTest recorded) {
        LineTest test = new LineTest(recorded.numeroTest(), recorded.dateTest(), recorded.acceptedAt(), recorded.window(),
                recorded.tested());
        test.tested.relayedTo().forEach(oc -> test.states.put(oc, recorded.states().getOrDefault(oc, OcState.WAITING)));
        test.tested.relayedTo().stream().filter(recorded.answers()::containsKey)
                .forEach(oc -> test.answers.put(oc, recorded.answers().get(oc)));
        return test;
    }

    RecordedTest recorded() {
        return new RecordedTest(numeroTest, dateTest, acceptedAt, window, tested, states, answers);
    }

    Integer numeroTest() {
        return numeroTest;
    }

    Instant dateTest() {
        return dateTest;
    }

    TestWindow window() {
        return window;
    }

    TestedOcs tested() {
        return tested;
    }

    boolean asked(String oc) {
        return states.containsKey(oc);
    }

    boolean answered(String oc) {
        return states.get(oc) == OcState.ANSWERED;
    }

    boolean givenUpLate(String oc) {
        return states.get(oc) == OcState.GIVEN_UP_LATE;
    }

    boolean givenUpRefused(String oc) {
        return states.get(oc) == OcState.GIVEN_UP_REFUSED;
    }

    Optional<OcAnswer> answer(String oc) {
        return Optional.ofNullable(answers.get(oc));
    }

    void record(String oc, OcAnswer answer) {
        states.put(oc, OcState.ANSWERED);
        answers.put(oc, answer);
    }

    /** Every OC asked has answered or was given up. */
    boolean acknowledged() {
        return !states.containsValue(OcState.WAITING);
    }

    /** Gives up the OCs still waiting once {@code deadline} after acceptance has passed at {@code now}. */
    List<GivenUp> giveUpOverdue(Instant now, Duration deadline) {
        if (numeroTest == null || now.isBefore(acceptedAt.plus(deadline))) {
            return List.of();
        }
        List<String> waiting = states.entrySet().stream().filter(e -> e.getValue() == OcState.WAITING).map(Map.Entry::getKey).toList();
        waiting.forEach(oc -> states.put(oc, OcState.GIVEN_UP_LATE));
        return waiting.stream().map(oc -> new GivenUp(numeroTest, oc, false)).toList();
    }

    /** The OC refused this intermediate test or could not be reached: nothing more is awaited from it. */
    Optional<GivenUp> giveUpRefused(String oc) {
        if (states.get(oc) != OcState.WAITING) {
            return Optional.empty();
        }
        states.put(oc, OcState.GIVEN_UP_REFUSED);
        return Optional.of(new GivenUp(numeroTest, oc, true));
    }
}
