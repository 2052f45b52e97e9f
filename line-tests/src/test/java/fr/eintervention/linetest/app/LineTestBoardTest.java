package fr.eintervention.linetest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestedOcs;

class LineTestBoardTest {

    private static final Instant TAP = Instant.parse("2026-12-07T08:10:00Z");
    private static final Route ROUTE = new Route("PBO-1", "3", "7", "M1", "4", "C2", "ONT123", "bleu", null);
    private static final CustomerDown CUT = new CustomerDown("FI-0001-0001", ROUTE, Instant.parse("2026-12-07T08:05:30Z"));
    private static final LineRestored BACK = new LineRestored("FI-0001-0001", ROUTE, Instant.parse("2026-12-07T08:21:00Z"));

    private final LineTestBoard board = new LineTestBoard(Duration.ofMinutes(5), ZoneId.of("Europe/Paris"));

    private void askedAndAccepted(int numero, String... ocs) {
        board.asked(numero, TAP);
        board.accepted(numero, new TestedOcs(numero, List.of(ocs), List.of()).description(), TAP.plusSeconds(1));
    }

    private static M6tx answer(Integer numero, String oc, int count, List<CustomerDown> down, List<LineRestored> back) {
        return new M6tx(numero, oc, count, false, false, down, back);
    }

    private TestView only(Instant now) {
        List<TestView> views = board.view(now);
        assertThat(views).hasSize(1);
        return views.get(0);
    }

    @Test
    void aTestAskedButNotYetAcceptedWaitsForTheOi() {
        board.asked(1, TAP);

        TestView view = only(TAP);

        assertThat(view.title()).isEqualTo("Test 1");
        assertThat(view.summary()).isEqualTo("en attente de la réponse de l'OI");
        assertThat(view.complete()).isFalse();
    }

    @Test
    void whileAnOcHasNotAnsweredItIsNamed() {
        askedAndAccepted(1, "OC01", "OC02");
        board.received(answer(1, "OC01", 2, List.of(), List.of()));

        TestView view = only(TAP.plusSeconds(10));

        assertThat(view.summary()).isEqualTo("aucun client coupé chez OC01 ; en attente de OC02");
        assertThat(view.ocs()).extracting(OcView::status).containsExactly(OcStatus.ANSWERED, OcStatus.WAITING);
        assertThat(view.complete()).isFalse();
    }

    @Test
    void aucunClientCoupeWhenEveryOcPresentAnsweredWithNone() {
        askedAndAccepted(1, "OC01", "OC02");
        board.received(answer(1, "OC01", 2, List.of(), List.of()));
        board.received(answer(1, "OC02", 2, List.of(), List.of()));

        TestView view = only(TAP.plusSeconds(10));

        assertThat(view.summary()).isEqualTo("aucun client coupé");
        assertThat(view.complete()).isTrue();
        assertThat(view.ocs().get(0).lines()).containsExactly("OC01 : aucun client coupé");
    }

    @Test
    void aCustomerDownIsShownWithItsRouteInFrench() {
        askedAndAccepted(1, "OC01", "OC02");
        board.received(new M6tx(1, "OC01", 2, false, true, List.of(CUT), List.of()));

        TestView view = only(TAP.plusSeconds(10));

        assertThat(view.summary()).isEqualTo("1 client coupé chez OC01 ; en attente de OC02");
        OcView oc01 = view.ocs().get(0);
        assertThat(oc01.customersDown()).containsExactly(CUT);
        assertThat(oc01.repairAsked()).isTrue();
        assertThat(oc01.lines()).containsExactly("OC01 : 1 client coupé",
                "PTO FI-0001-0001 coupé à 09:05:30 — PBO PBO-1, tube 3, fibre 7, module M1, position du module 4, "
                        + "position coupleur C2, n° de série ONT ONT123, jarretière bleu",
                "OC01 demande une réparation");
    }

    @Test
    void linesRestoredAreCountedAndShown() {
        askedAndAccepted(2, "OC01");
        board.received(answer(2, "OC01", 1, List.of(), List.of(BACK)));

        TestView view = only(TAP.plusSeconds(10));

        assertThat(view.summary()).isEqualTo("aucun client coupé ; 1 ligne rétablie");
        assertThat(view.ocs().get(0).lines()).contains("PTO FI-0001-0001 rétabli à 09:21:00 — PBO PBO-1, tube 3, fibre 7, "
                + "module M1, position du module 4, position coupleur C2, n° de série ONT ONT123, jarretière bleu");
    }

    @Test
    void unknownRouteValuesAreLeftOut() {
        askedAndAccepted(1, "OC01");
        Route partly = new Route("PBO-1", "inconnu", null, "inconnu", "inconnu", "inconnu", null, null, null);
        board.received(answer(1, "OC01", 1, List.of(new CustomerDown("PTO-9", partly, CUT.downAt())), List.of()));

        assertThat(only(TAP).ocs().get(0).lines()).contains("PTO PTO-9 coupé à 09:05:30 — PBO PBO-1");
    }

    @Test
    void pastTheDeadlineAnOcThatDidNotAnswerIsSaidSoAndNeverCountsAsNone() {
        askedAndAccepted(1, "OC01", "OC02");
        board.received(answer(1, "OC01", 2, List.of(), List.of()));

        TestView view = only(TAP.plusSeconds(1).plus(Duration.ofMinutes(5)));

        assertThat(view.summary()).isEqualTo("aucun client coupé chez OC01 ; pas de réponse de OC02");
        assertThat(view.ocs()).extracting(OcView::status).containsExactly(OcStatus.ANSWERED, OcStatus.NO_ANSWER);
        assertThat(view.complete()).isTrue();
    }

    @Test
    void anOcThatCannotBeTestedIsShownAndNeverCountsAsNone() {
        board.asked(1, TAP);
        board.accepted(1, new TestedOcs(1, List.of("OC01"), List.of("OC03")).description(), TAP);
        board.received(answer(1, "OC01", 1, List.of(), List.of()));

        TestView view = only(TAP);

        assertThat(view.summary()).isEqualTo("aucun client coupé chez OC01 ; OC03 non testé (protocole v1)");
        assertThat(view.ocs()).extracting(OcView::status).containsExactly(OcStatus.ANSWERED, OcStatus.UNTESTABLE);
    }

    @Test
    void aTestWithNoOcToAskSaysSo() {
        board.asked(1, TAP);
        board.accepted(1, new TestedOcs(1, List.of(), List.of("OC03")).description(), TAP);

        assertThat(only(TAP).summary()).isEqualTo("aucun OC testable ; OC03 non testé (protocole v1)");
    }

    @Test
    void withoutTheOcsNamesTheCountTellsHowManyAreAwaited() {
        board.asked(1, TAP);
        board.accepted(1, "OK", TAP);
        board.received(answer(1, "OC01", 3, List.of(CUT), List.of()));

        assertThat(only(TAP).summary()).isEqualTo("1 client coupé chez OC01 ; en attente de 2 autres OC");
    }

    @Test
    void anAnswerBeforeTheOisAnswerIsKept() {
        board.received(answer(1, "OC02", 2, List.of(), List.of()));
        askedAndAccepted(1, "OC01", "OC02");

        assertThat(only(TAP).summary()).isEqualTo("aucun client coupé chez OC02 ; en attente de OC01");
    }

    @Test
    void theEndComesAfterTheTestsAndHasNoDeadline() {
        askedAndAccepted(1, "OC01");
        board.received(answer(1, "OC01", 1, List.of(), List.of()));
        board.ended(TAP.plusSeconds(600), TAP.plusSeconds(601));

        List<TestView> views = board.view(TAP.plusSeconds(600));
        assertThat(views).extracting(TestView::title).containsExactly("Test 1", "Fin d'intervention");
        assertThat(views.get(1).summary()).isEqualTo("en attente des OC");

        board.received(new M6tx(null, "OC01", 2, true, false, List.of(), List.of()));
        TestView end = board.view(TAP.plus(Duration.ofHours(1))).get(1);

        assertThat(end.numeroTest()).isNull();
        assertThat(end.summary()).isEqualTo("aucun client coupé chez OC01 ; en attente de 1 autre OC"
                + " ; une autre intervention a eu lieu sur ce PM pendant ce test");
        assertThat(end.otherInterventionOnPm()).isTrue();
        assertThat(end.complete()).isFalse();
    }
}
