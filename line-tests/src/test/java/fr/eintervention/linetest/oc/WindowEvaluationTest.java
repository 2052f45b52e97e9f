package fr.eintervention.linetest.oc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestWindow;

class WindowEvaluationTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant T1 = START.plusSeconds(600);
    private static final Instant T2 = START.plusSeconds(1200);
    private static final TestWindow FIRST = TestWindow.ofTest(START, null, T1);
    private static final TestWindow SECOND = TestWindow.ofTest(START, T1, T2);
    private static final Route ROUTE = new Route("PBO-1", "3", "7", "M1", "4", "C2", "ONT123", "bleu", null);

    private final WindowEvaluation evaluation = new WindowEvaluation(true);

    private static LineOutage outage(String pto, Instant down, Instant up) {
        return new LineOutage(pto, ROUTE, down, up, false, false);
    }

    private Evaluation evaluate(TestWindow window, LineOutage... outages) {
        return evaluation.evaluate(window, START, List.of(outages), Set.of());
    }

    @Test
    void aCustomerDownInTheWindowIsToldWithItsRouteRestoredSinceOrNot() {
        Evaluation result = evaluate(FIRST, outage("PTO-1", START.plusSeconds(60), null),
                outage("PTO-2", T1, T2));

        assertThat(result.customersDown()).containsExactly(new CustomerDown("PTO-1", ROUTE, START.plusSeconds(60)),
                new CustomerDown("PTO-2", ROUTE, T1));
        assertThat(result.linesRestored()).isEmpty();
    }

    @Test
    void eachOutageIsToldInOneTestOnly() {
        LineOutage atTheTap = outage("PTO-1", T1, null);

        assertThat(evaluate(FIRST, atTheTap).customersDown()).hasSize(1);
        assertThat(evaluate(SECOND, atTheTap).customersDown()).isEmpty();
    }

    @Test
    void aTestsWindowRunsToTheEndOfItsSecond() {
        // dateTest 08:10:00 stands for its whole second: an outage at 08:10:00.700 is test 1's, not test 2's
        LineOutage withinTheTapsSecond = outage("PTO-1", T1.plusMillis(700), T2.plusMillis(300));

        assertThat(evaluate(FIRST, withinTheTapsSecond).customersDown())
                .containsExactly(new CustomerDown("PTO-1", ROUTE, T1.plusMillis(700)));
        assertThat(evaluate(SECOND, withinTheTapsSecond).customersDown()).isEmpty();
        assertThat(evaluate(SECOND, withinTheTapsSecond).linesRestored())
                .containsExactly(new LineRestored("PTO-1", ROUTE, T2.plusMillis(300)));
        assertThat(evaluate(SECOND, outage("PTO-2", T2.plusSeconds(1), null)).customersDown()).isEmpty();
    }

    @Test
    void aLineThatCameBackInTheWindowIsRestoredWithItsReturnTime() {
        Evaluation result = evaluate(SECOND, outage("PTO-1", START.plusSeconds(60), T1.plusSeconds(30)));

        assertThat(result.customersDown()).isEmpty();
        assertThat(result.linesRestored()).containsExactly(new LineRestored("PTO-1", ROUTE, T1.plusSeconds(30)));
    }

    @Test
    void aLineCutAndBackWithinOneWindowIsInBothLists() {
        Evaluation result = evaluate(FIRST, outage("PTO-1", START.plusSeconds(60), START.plusSeconds(120)));

        assertThat(result.customersDown()).extracting(CustomerDown::pto).containsExactly("PTO-1");
        assertThat(result.linesRestored()).extracting(LineRestored::pto).containsExactly("PTO-1");
    }

    @Test
    void anOutageOlderThanTheInterventionIsNeitherDownNorRestored() {
        Evaluation result = evaluate(FIRST, outage("PTO-1", START.minusSeconds(60), START.plusSeconds(60)));

        assertThat(result.customersDown()).isEmpty();
        assertThat(result.linesRestored()).isEmpty();
    }

    @Test
    void theExclusionsOfM5Apply() {
        LineOutage powerCut = new LineOutage("PTO-1", ROUTE, START.plusSeconds(60), null, true, false);
        LineOutage terminated = new LineOutage("PTO-2", ROUTE, START.plusSeconds(60), null, false, true);
        LineOutage noPto = new LineOutage(null, ROUTE, START.plusSeconds(60), null, false, false);
        LineOutage noTime = new LineOutage("PTO-3", ROUTE, null, null, false, false);
        LineOutage own = outage("PTO-4", START.plusSeconds(60), T1);

        Evaluation result = evaluation.evaluate(FIRST, START, List.of(powerCut, terminated, noPto, noTime, own), Set.of("PTO-4"));

        assertThat(result.customersDown()).isEmpty();
        assertThat(result.linesRestored()).isEmpty();
    }

    @Test
    void terminatedCustomersCountWhenNotExcluded() {
        LineOutage terminated = new LineOutage("PTO-2", ROUTE, START.plusSeconds(60), null, false, true);

        assertThat(new WindowEvaluation(false).evaluate(FIRST, START, List.of(terminated), Set.of()).customersDown()).hasSize(1);
    }

    @Test
    void aCustomerDownSeveralTimesIsToldOnceWithTheFirstOutageAndTheLastReturn() {
        Evaluation result = evaluate(FIRST, outage("PTO-1", START.plusSeconds(300), START.plusSeconds(400)),
                outage("PTO-1", START.plusSeconds(100), START.plusSeconds(200)));

        assertThat(result.customersDown()).extracting(CustomerDown::downAt).containsExactly(START.plusSeconds(100));
        assertThat(result.linesRestored()).extracting(LineRestored::upAt).containsExactly(START.plusSeconds(400));
    }

    @Test
    void anUnknownRouteIsAnEmptyRoute() {
        Evaluation result = evaluate(FIRST, new LineOutage("PTO-1", null, START, null, false, false));

        assertThat(result.customersDown().get(0).route()).isEqualTo(Route.unknown());
    }
}
