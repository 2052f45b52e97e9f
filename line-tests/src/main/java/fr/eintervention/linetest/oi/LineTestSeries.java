package fr.eintervention.linetest.oi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.TestedOcs;

/**
 * The line tests of one intervention, as the OI rules them: the intermediate tests 1 to 5 asked by
 * the DO (M3TX), relayed to each OC present that speaks v2 (M4TX), their answers (M5TX) relayed one
 * by one to the DO (M6TX), then the end's round after M3/M4. Each transition is guarded and returns
 * what happened, a refusal as data (decisions 0030 to 0038).
 */
public final class LineTestSeries {

    private final String codeDo;
    private final Instant interventionStart;
    private final LineTestRules rules;
    private final List<LineTest> tests = new ArrayList<>();
    private LineTest closing;

    private LineTestSeries(String codeDo, Instant interventionStart, LineTestRules rules) {
        this.codeDo = Objects.requireNonNull(codeDo, "codeDo");
        this.interventionStart = Objects.requireNonNull(interventionStart, "interventionStart");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The series of an intervention of DO {@code codeDo} that started at {@code interventionStart} (its M1). */
    public static LineTestSeries of(String codeDo, Instant interventionStart, LineTestRules rules) {
        return new LineTestSeries(codeDo, interventionStart, rules);
    }

    /**
     * A series as it was stored: its tests in order, the end's round last if the end was accepted
     * ({@link #recorded()}).
     */
    public static LineTestSeries restore(String codeDo, Instant interventionStart, LineTestRules rules,
            List<RecordedTest> recorded) {
        LineTestSeries series = new LineTestSeries(codeDo, interventionStart, rules);
        for (RecordedTest test : recorded) {
            if (test.numeroTest() == null) {
                series.closing = LineTest.restore(test);
            } else if (test.numeroTest() == series.tests.size() + 1) {
                series.tests.add(LineTest.restore(test));
            } else {
                throw new IllegalArgumentException("test " + test.numeroTest() + " out of order after " + series.tests.size());
            }
        }
        return series;
    }

    /** What to store: the tests in order, then the end's round if the end was accepted. */
    public List<RecordedTest> recorded() {
        List<RecordedTest> recorded = new ArrayList<>(tests.stream().map(LineTest::recorded).toList());
        if (closing != null) {
            recorded.add(closing.recorded());
        }
        return recorded;
    }

    /**
     * An M3TX, received at {@code receivedAt}, the OCs present at the PM being {@code present}
     * (decision 0030).
     */
    public TestRequest request(int numeroTest, Instant dateTest, Instant receivedAt, List<PresentOc> present) {
        giveUpOverdue(receivedAt);
        int last = tests.size();
        if (numeroTest < 1 || numeroTest > LineTestRules.MAX_TESTS) {
            return refused(RefusalCode.MAUVAIS_FORMAT, "numeroTest " + numeroTest + " hors de 1.." + LineTestRules.MAX_TESTS);
        }
        if (numeroTest == last && tests.get(last - 1).dateTest().equals(dateTest)) {
            return new TestRequest.Repeated(tests.get(last - 1).tested());
        }
        if (closing != null) {
            return refused(RefusalCode.INCOHERENCE, "intervention terminee: plus de test possible");
        }
        if (dateTest.isBefore(interventionStart)) {
            return refused(RefusalCode.INCOHERENCE, "dateTest anterieure au debut de l'intervention");
        }
        if (numeroTest <= last) {
            return refused(RefusalCode.TEST_PRECEDENT_DEJA_EMIS, "test " + numeroTest + " deja emis");
        }
        if (numeroTest > last + 1) {
            return refused(RefusalCode.INCOHERENCE, "test " + (last + 1) + " attendu, pas " + numeroTest);
        }
        Instant previous = last == 0 ? null : tests.get(last - 1).dateTest();
        if (previous != null && !tests.get(last - 1).acknowledged()) {
            return refused(RefusalCode.TEST_PRECEDENT_NON_ACQUITTE, "test " + last + " en attente de reponse d'OC");
        }
        if (previous != null && (!dateTest.isAfter(previous) || Duration.between(previous, dateTest).compareTo(rules.minimumDelay()) < 0)) {
            return refused(RefusalCode.INCOHERENCE, "delai minimum entre deux tests non respecte ("
                    + rules.minimumDelay().toMinutes() + " min)");
        }
        TestedOcs tested = new TestedOcs(numeroTest, codes(present, true), codes(present, false));
        TestWindow window = TestWindow.ofTest(interventionStart, previous, dateTest);
        tests.add(new LineTest(numeroTest, dateTest, receivedAt, window, tested));
        return new TestRequest.Accepted(window, tested);
    }

    /**
     * An accepted M3 (end at {@code end}); a corrected M3 again opens the end's round to the OCs
     * present then, keeping the answers already given (decision 0038).
     */
    public EndOutcome end(Instant end, Instant receivedAt, List<PresentOc> present) {
        List<String> testable = codes(present, true);
        if (rules.testRequiredBeforeEnd() && tests.isEmpty() && closing == null && !testable.isEmpty()) {
            return new EndOutcome.Refused(new Refusal(RefusalCode.M3TX_NON_DEMANDE,
                    "un test de lignes (M3TX) est requis avant la fin d'intervention"));
        }
        LineTest previousRound = closing;
        closing = new LineTest(null, end, receivedAt, TestWindow.ofEnd(interventionStart, end),
                new TestedOcs(tests.size() + 1, testable, codes(present, false)));
        if (previousRound != null) {
            testable.forEach(oc -> previousRound.answer(oc).ifPresent(answer -> closing.record(oc, answer)));
        }
        return new EndOutcome.Accepted(testable);
    }

    /**
     * An OC's M5TX received at {@code receivedAt} (decisions 0034, 0036).
     *
     * @param otherInterventionOnPm whether another intervention on the PM overlaps a window
     *                              ({@code multiInterventionOI})
     */
    public AnswerOutcome answer(String oc, OcAnswer answer, Instant receivedAt, Predicate<TestWindow> otherInterventionOnPm) {
        giveUpOverdue(receivedAt);
        Optional<LineTest> asked = answer.closing() ? closingRound(answer) : intermediateTest(answer);
        if (asked.isEmpty()) {
            if (!answer.closing() && answer.numeroTest() == null) {
                return refusedAnswer(RefusalCode.CHAMPS_NON_RENSEIGNE, "numeroTest requis quand testCloture est faux");
            }
            return refusedAnswer(RefusalCode.ERREUR_ITERATION, answer.closing()
                    ? "testCloture sans fin transmise, ou avec un numeroTest"
                    : "test " + answer.numeroTest() + " non demande");
        }
        LineTest test = asked.get();
        if (!test.asked(oc) || test.givenUpRefused(oc)) {
            return refusedAnswer(RefusalCode.ERREUR_ITERATION, "test non demande a " + oc);
        }
        if (test.answered(oc)) {
            if (test.answer(oc).orElseThrow().equals(answer)) {
                return new AnswerOutcome.Repeated();
            }
            if (!answer.closing()) {
                return refusedAnswer(RefusalCode.ERREUR_ITERATION, "test " + answer.numeroTest() + " deja repondu par " + oc);
            }
        }
        if (test.givenUpLate(oc)) {
            return refusedAnswer(RefusalCode.DELAI_NON_RESPECTE, "reponse au test " + answer.numeroTest() + " apres "
                    + rules.answerDeadline().toMinutes() + " min");
        }
        test.record(oc, answer);
        return new AnswerOutcome.Relayed(new M6tx(test.numeroTest(), oc, test.tested().relayedTo().size(),
                otherInterventionOnPm.test(test.window()), answer.repairAskedOf().contains(codeDo),
                answer.customersDown(), answer.linesRestored()));
    }

    /** The OC refused test {@code numeroTest} (TEST_NON_REALISE) or its M4TX failed for good (decision 0035). */
    public Optional<GivenUp> notTested(int numeroTest, String oc) {
        if (numeroTest < 1 || numeroTest > tests.size()) {
            return Optional.empty();
        }
        return tests.get(numeroTest - 1).giveUpRefused(oc);
    }

    /** Gives up the OCs whose answer deadline has passed at {@code now}; no M6TX is sent for them (decision 0036). */
    public List<GivenUp> giveUpOverdue(Instant now) {
        List<GivenUp> givenUp = new ArrayList<>();
        tests.forEach(test -> givenUp.addAll(test.giveUpOverdue(now, rules.answerDeadline())));
        return givenUp;
    }

    /** The window of test {@code numeroTest}, if it was accepted. */
    public Optional<TestWindow> window(int numeroTest) {
        return numeroTest < 1 || numeroTest > tests.size() ? Optional.empty() : Optional.of(tests.get(numeroTest - 1).window());
    }

    /** How many tests were accepted. */
    public int testsAccepted() {
        return tests.size();
    }

    /** Whether test {@code numeroTest} is acknowledged: every OC asked answered or was given up (decision 0032). */
    public boolean acknowledged(int numeroTest) {
        return numeroTest >= 1 && numeroTest <= tests.size() && tests.get(numeroTest - 1).acknowledged();
    }

    private Optional<LineTest> intermediateTest(OcAnswer answer) {
        Integer n = answer.numeroTest();
        return n == null || n < 1 || n > tests.size() ? Optional.empty() : Optional.of(tests.get(n - 1));
    }

    private Optional<LineTest> closingRound(OcAnswer answer) {
        return answer.numeroTest() != null ? Optional.empty() : Optional.ofNullable(closing);
    }

    private static List<String> codes(List<PresentOc> present, boolean speaksV2) {
        return present.stream().filter(oc -> oc.speaksV2() == speaksV2).map(PresentOc::code).distinct().toList();
    }

    private static TestRequest refused(RefusalCode code, String description) {
        return new TestRequest.Refused(new Refusal(code, description));
    }

    private static AnswerOutcome refusedAnswer(RefusalCode code, String description) {
        return new AnswerOutcome.Refused(new Refusal(code, description));
    }
}
