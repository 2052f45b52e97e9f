package fr.eintervention.linetest.oi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestWindow;

class LineTestSeriesTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final List<PresentOc> PRESENT = List.of(PresentOc.v2("OC01"), PresentOc.v2("OC02"), PresentOc.v1("OC03"));
    private static final CustomerDown CUT = new CustomerDown("FI-0001-0001", Route.unknown(), START.plusSeconds(60));
    private static final LineRestored BACK = new LineRestored("FI-0001-0001", Route.unknown(), START.plusSeconds(900));

    private final LineTestSeries series = LineTestSeries.of("DO01", START, LineTestRules.defaults());

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private TestRequest ask(int numero, int minutes) {
        return series.request(numero, at(minutes), at(minutes), PRESENT);
    }

    private AnswerOutcome answer(String oc, OcAnswer answer, int minutes) {
        return series.answer(oc, answer, at(minutes), window -> false);
    }

    private void answerAll(int numero, int minutes) {
        answer("OC01", OcAnswer.toTest(numero, List.of(), List.of()), minutes);
        answer("OC02", OcAnswer.toTest(numero, List.of(), List.of()), minutes);
    }

    private static RefusalCode refusal(TestRequest request) {
        assertThat(request).isInstanceOf(TestRequest.Refused.class);
        return ((TestRequest.Refused) request).refusal().code();
    }

    private static RefusalCode refusal(AnswerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnswerOutcome.Refused.class);
        return ((AnswerOutcome.Refused) outcome).refusal().code();
    }

    private static M6tx relayed(AnswerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnswerOutcome.Relayed.class);
        return ((AnswerOutcome.Relayed) outcome).m6tx();
    }

    @Nested
    class OrderAndCount {

        @Test
        void theFirstTestIsAcceptedAndRelayedToTheOcsThatSpeakV2() {
            TestRequest request = ask(1, 10);

            assertThat(request).isInstanceOf(TestRequest.Accepted.class);
            TestRequest.Accepted accepted = (TestRequest.Accepted) request;
            assertThat(accepted.tested().relayedTo()).containsExactly("OC01", "OC02");
            assertThat(accepted.tested().untestable()).containsExactly("OC03");
            assertThat(accepted.tested().description()).isEqualTo("Test 1 transmis a OC01 OC02 ; non testables (v1) : OC03");
            assertThat(series.testsAccepted()).isEqualTo(1);
        }

        @Test
        void aNumberOutsideOneToFiveIsMauvaisFormat() {
            assertThat(refusal(ask(0, 10))).isEqualTo(RefusalCode.MAUVAIS_FORMAT);
            assertThat(refusal(ask(6, 10))).isEqualTo(RefusalCode.MAUVAIS_FORMAT);
            assertThat(series.testsAccepted()).isZero();
        }

        @Test
        void aSkippedTestIsIncoherence() {
            assertThat(refusal(ask(2, 10))).isEqualTo(RefusalCode.INCOHERENCE);
            ask(1, 10);
            answerAll(1, 11);
            assertThat(refusal(ask(3, 20))).isEqualTo(RefusalCode.INCOHERENCE);
        }

        @Test
        void fiveTestsInOrderThenNoSixth() {
            for (int n = 1; n <= 5; n++) {
                assertThat(ask(n, 10 * n)).isInstanceOf(TestRequest.Accepted.class);
                answerAll(n, 10 * n + 1);
            }
            assertThat(series.testsAccepted()).isEqualTo(5);
            assertThat(refusal(ask(6, 60))).isEqualTo(RefusalCode.MAUVAIS_FORMAT);
        }

        @Test
        void theSameTestSentAgainIsOkAndRelaysNothing() {
            ask(1, 10);

            TestRequest again = series.request(1, at(10), at(11), PRESENT);

            assertThat(again).isInstanceOf(TestRequest.Repeated.class);
            assertThat(((TestRequest.Repeated) again).tested().relayedTo()).containsExactly("OC01", "OC02");
            assertThat(series.testsAccepted()).isEqualTo(1);
            series.end(at(30), at(30), PRESENT);
            assertThat(series.request(1, at(10), at(31), PRESENT)).isInstanceOf(TestRequest.Repeated.class);
        }

        @Test
        void aTestAlreadyAskedIsTestPrecedentDejaEmis() {
            ask(1, 10);
            answerAll(1, 11);
            ask(2, 20);

            assertThat(refusal(ask(1, 30))).isEqualTo(RefusalCode.TEST_PRECEDENT_DEJA_EMIS);
            assertThat(refusal(series.request(2, at(25), at(25), PRESENT))).isEqualTo(RefusalCode.TEST_PRECEDENT_DEJA_EMIS);
        }

        @Test
        void aTestBeforeTheStartOrAfterTheEndIsIncoherence() {
            assertThat(refusal(series.request(1, START.minusSeconds(1), at(1), PRESENT))).isEqualTo(RefusalCode.INCOHERENCE);

            series.end(at(30), at(30), PRESENT);

            assertThat(refusal(ask(1, 31))).isEqualTo(RefusalCode.INCOHERENCE);
        }
    }

    @Nested
    class Pace {

        @Test
        void theNextTestWaitsUntilEveryOcAskedHasAnswered() {
            ask(1, 10);
            answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 11);

            assertThat(series.acknowledged(1)).isFalse();
            assertThat(refusal(ask(2, 13))).isEqualTo(RefusalCode.TEST_PRECEDENT_NON_ACQUITTE);

            answer("OC02", OcAnswer.toTest(1, List.of(), List.of()), 13);

            assertThat(series.acknowledged(1)).isTrue();
            assertThat(ask(2, 13)).isInstanceOf(TestRequest.Accepted.class);
        }

        @Test
        void anOcPastItsDeadlineNoLongerHoldsTheNextTestBack() {
            ask(1, 10);
            answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 11);

            assertThat(series.giveUpOverdue(at(14))).isEmpty();
            assertThat(series.giveUpOverdue(at(15))).containsExactly(new GivenUp(1, "OC02", false));
            assertThat(ask(2, 16)).isInstanceOf(TestRequest.Accepted.class);
        }

        @Test
        void theDeadlineIsAppliedWhenTheNextTestArrivesEvenWithoutASweep() {
            ask(1, 10);

            assertThat(ask(2, 15)).isInstanceOf(TestRequest.Accepted.class);
        }

        @Test
        void anOcThatRefusedTheTestNoLongerHoldsItBack() {
            ask(1, 10);
            answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 11);

            assertThat(series.notTested(1, "OC02")).contains(new GivenUp(1, "OC02", true));
            assertThat(series.notTested(1, "OC01")).isEmpty();
            assertThat(series.acknowledged(1)).isTrue();
        }

        @Test
        void aTestTooSoonAfterThePreviousIsIncoherenceWhateverTheReceptionTime() {
            ask(1, 10);
            answerAll(1, 10);

            TestRequest tooSoon = series.request(2, at(10).plusSeconds(119), at(20), PRESENT);

            assertThat(refusal(tooSoon)).isEqualTo(RefusalCode.INCOHERENCE);
            assertThat(((TestRequest.Refused) tooSoon).refusal().description()).contains("2 min");
            assertThat(series.request(2, at(12), at(12), PRESENT)).isInstanceOf(TestRequest.Accepted.class);
        }

        @Test
        void theMinimumDelayIsConfiguration() {
            LineTestSeries quick = LineTestSeries.of("DO01", START, new LineTestRules(Duration.ZERO, Duration.ofMinutes(5), false));
            quick.request(1, at(10), at(10), List.of());

            assertThat(quick.request(2, at(10).plusSeconds(1), at(10), List.of())).isInstanceOf(TestRequest.Accepted.class);
            assertThat(refusal(quick.request(3, at(10).plusSeconds(1), at(10), List.of()))).isEqualTo(RefusalCode.INCOHERENCE);
        }

        @Test
        void aTestWithNoOcToAskIsAcknowledgedAtOnce() {
            TestRequest request = series.request(1, at(10), at(10), List.of(PresentOc.v1("OC03")));

            assertThat(((TestRequest.Accepted) request).tested().description()).isEqualTo("Test 1 : aucun OC testable ; non testables (v1) : OC03");
            assertThat(series.acknowledged(1)).isTrue();
        }
    }

    @Nested
    class Windows {

        @Test
        void theFirstTestFromTheStartThenEachFromThePreviousTest() {
            TestWindow first = ((TestRequest.Accepted) ask(1, 10)).window();
            answerAll(1, 11);
            TestWindow second = ((TestRequest.Accepted) ask(2, 20)).window();

            assertThat(first).isEqualTo(new TestWindow(START, true, at(10)));
            assertThat(second).isEqualTo(new TestWindow(at(10), false, at(20)));
            assertThat(series.window(2)).contains(second);
            assertThat(series.window(3)).isEmpty();
        }
    }

    @Nested
    class Answers {

        @Test
        void eachAnswerIsRelayedAsItComes() {
            ask(1, 10);

            M6tx m6tx = relayed(series.answer("OC01", new OcAnswer(1, false, List.of(CUT), List.of(BACK), Set.of("DO01")), at(11),
                    window -> window.equals(new TestWindow(START, true, at(10)))));

            assertThat(m6tx).isEqualTo(new M6tx(1, "OC01", 2, true, true, List.of(CUT), List.of(BACK)));
        }

        @Test
        void aRepairAskedOfAnotherDoIsNotThisOnes() {
            ask(1, 10);

            M6tx m6tx = relayed(answer("OC01", new OcAnswer(1, false, List.of(), List.of(), Set.of("DO99")), 11));

            assertThat(m6tx.reparation()).isFalse();
            assertThat(m6tx.multiInterventionOi()).isFalse();
        }

        @Test
        void theSameAnswerAgainIsOkAndSendsNothingADifferentOneIsErreurIteration() {
            ask(1, 10);
            answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 11);

            assertThat(answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 12)).isInstanceOf(AnswerOutcome.Repeated.class);
            assertThat(refusal(answer("OC01", OcAnswer.toTest(1, List.of(CUT), List.of()), 12))).isEqualTo(RefusalCode.ERREUR_ITERATION);
        }

        @Test
        void anIntermediateAnswerWithoutNumberIsChampsNonRenseigne() {
            ask(1, 10);

            assertThat(refusal(answer("OC01", new OcAnswer(null, false, List.of(), List.of(), Set.of()), 11)))
                    .isEqualTo(RefusalCode.CHAMPS_NON_RENSEIGNE);
        }

        @Test
        void anAnswerToATestNotAskedOfThatOcIsErreurIteration() {
            ask(1, 10);

            assertThat(refusal(answer("OC01", OcAnswer.toTest(2, List.of(), List.of()), 11))).isEqualTo(RefusalCode.ERREUR_ITERATION);
            assertThat(refusal(answer("OC03", OcAnswer.toTest(1, List.of(), List.of()), 11))).isEqualTo(RefusalCode.ERREUR_ITERATION);
            series.notTested(1, "OC02");
            assertThat(refusal(answer("OC02", OcAnswer.toTest(1, List.of(), List.of()), 11))).isEqualTo(RefusalCode.ERREUR_ITERATION);
        }

        @Test
        void anAnswerAfterItsDeadlineIsDelaiNonRespecte() {
            ask(1, 10);

            assertThat(relayed(answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 14)).codeOc()).isEqualTo("OC01");
            assertThat(refusal(answer("OC02", OcAnswer.toTest(1, List.of(), List.of()), 15))).isEqualTo(RefusalCode.DELAI_NON_RESPECTE);
            assertThat(answer("OC01", OcAnswer.toTest(1, List.of(), List.of()), 20)).isInstanceOf(AnswerOutcome.Repeated.class);
        }
    }

    @Nested
    class TheEnd {

        @Test
        void theEndsAnswerIsRelayedWithoutNumberOverTheWholeIntervention() {
            ask(1, 10);
            assertThat(series.end(at(30), at(30), PRESENT)).isEqualTo(new EndOutcome.Accepted(List.of("OC01", "OC02")));

            M6tx m6tx = relayed(series.answer("OC02", OcAnswer.closing(List.of(CUT), List.of()), at(60),
                    window -> window.equals(TestWindow.ofEnd(START, at(30)))));

            assertThat(m6tx).isEqualTo(new M6tx(null, "OC02", 2, true, false, List.of(CUT), List.of()));
        }

        @Test
        void aClosingAnswerBeforeTheEndOrWithANumberIsErreurIteration() {
            assertThat(refusal(answer("OC01", OcAnswer.closing(List.of(), List.of()), 11))).isEqualTo(RefusalCode.ERREUR_ITERATION);

            series.end(at(30), at(30), PRESENT);

            assertThat(refusal(answer("OC01", new OcAnswer(1, true, List.of(), List.of(), Set.of()), 31)))
                    .isEqualTo(RefusalCode.ERREUR_ITERATION);
            assertThat(refusal(answer("OC03", OcAnswer.closing(List.of(), List.of()), 31))).isEqualTo(RefusalCode.ERREUR_ITERATION);
        }

        @Test
        void theEndsAnswerHasNoDeadlineAndMayBeCorrected() {
            series.end(at(30), at(30), PRESENT);
            answer("OC01", OcAnswer.closing(List.of(), List.of()), 600);

            assertThat(answer("OC01", OcAnswer.closing(List.of(), List.of()), 601)).isInstanceOf(AnswerOutcome.Repeated.class);
            assertThat(relayed(answer("OC01", OcAnswer.closing(List.of(CUT), List.of()), 602)).customersDown()).containsExactly(CUT);
        }

        @Test
        void aCorrectedEndKeepsTheAnswersGiven() {
            series.end(at(30), at(30), PRESENT);
            answer("OC01", OcAnswer.closing(List.of(), List.of()), 31);

            series.end(at(32), at(33), PRESENT);

            assertThat(answer("OC01", OcAnswer.closing(List.of(), List.of()), 34)).isInstanceOf(AnswerOutcome.Repeated.class);
        }

        @Test
        void anEndWithoutTestIsAcceptedUnlessTheOiRequiresOne() {
            assertThat(series.end(at(30), at(30), PRESENT)).isInstanceOf(EndOutcome.Accepted.class);

            LineTestSeries strict = LineTestSeries.of("DO01", START, new LineTestRules(Duration.ofMinutes(2), Duration.ofMinutes(5), true));
            EndOutcome refused = strict.end(at(30), at(30), PRESENT);

            assertThat(refused).isInstanceOf(EndOutcome.Refused.class);
            assertThat(((EndOutcome.Refused) refused).refusal().code()).isEqualTo(RefusalCode.M3TX_NON_DEMANDE);
            assertThat(strict.end(at(30), at(30), List.of(PresentOc.v1("OC03")))).isInstanceOf(EndOutcome.Accepted.class);
            strict.request(1, at(31), at(31), PRESENT);
        }

        @Test
        void aRefusedEndLeavesTheSeriesAsItWasSoATestThenTheEndCanFollow() {
            LineTestSeries strict = LineTestSeries.of("DO01", START, new LineTestRules(Duration.ofMinutes(2), Duration.ofMinutes(5), true));
            strict.end(at(30), at(30), PRESENT);

            assertThat(strict.recorded()).isEmpty();
            assertThat(strict.request(1, at(31), at(31), PRESENT)).isInstanceOf(TestRequest.Accepted.class);
            assertThat(strict.end(at(32), at(32), PRESENT)).isEqualTo(new EndOutcome.Accepted(List.of("OC01", "OC02")));
        }

        @Test
        void withATestTheRequiredTestIsSatisfied() {
            LineTestSeries strict = LineTestSeries.of("DO01", START, new LineTestRules(Duration.ofMinutes(2), Duration.ofMinutes(5), true));
            strict.request(1, at(10), at(10), PRESENT);

            assertThat(strict.end(at(30), at(30), PRESENT)).isInstanceOf(EndOutcome.Accepted.class);
        }
    }

    @Nested
    class Storage {

        @Test
        void aRestoredSeriesIsTheSameSeriesAndGoesOnByTheSameRules() {
            ask(1, 10);
            answer("OC01", OcAnswer.toTest(1, List.of(CUT), List.of()), 11);
            series.giveUpOverdue(at(15));
            ask(2, 20);
            series.end(at(30), at(30), PRESENT);
            answer("OC02", OcAnswer.closing(List.of(), List.of(BACK)), 31);

            List<RecordedTest> recorded = series.recorded();
            LineTestSeries restored = LineTestSeries.restore("DO01", START, LineTestRules.defaults(), recorded);

            assertThat(recorded).extracting(RecordedTest::numeroTest).containsExactly(1, 2, null);
            assertThat(recorded.get(0).states()).containsEntry("OC01", OcState.ANSWERED).containsEntry("OC02", OcState.GIVEN_UP_LATE);
            assertThat(restored.recorded()).isEqualTo(recorded);
            assertThat(restored.answer("OC01", OcAnswer.toTest(1, List.of(CUT), List.of()), at(40), window -> false))
                    .isInstanceOf(AnswerOutcome.Repeated.class);
            assertThat(refusal(restored.answer("OC02", OcAnswer.toTest(1, List.of(), List.of()), at(40), window -> false)))
                    .isEqualTo(RefusalCode.DELAI_NON_RESPECTE);
            assertThat(refusal(restored.request(3, at(40), at(40), PRESENT))).isEqualTo(RefusalCode.INCOHERENCE);
            assertThat(restored.answer("OC02", OcAnswer.closing(List.of(), List.of(BACK)), at(40), window -> false))
                    .isInstanceOf(AnswerOutcome.Repeated.class);
        }

        @Test
        void testsOutOfOrderCannotBeRestored() {
            ask(1, 10);
            answerAll(1, 11);
            ask(2, 20);
            List<RecordedTest> recorded = series.recorded();

            assertThatThrownBy(() -> LineTestSeries.restore("DO01", START, LineTestRules.defaults(),
                    List.of(recorded.get(1)))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
