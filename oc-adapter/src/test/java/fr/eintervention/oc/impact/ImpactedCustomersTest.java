package fr.eintervention.oc.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.outage.Cause;
import fr.eintervention.oc.outage.Outage;

/** Who goes into an M5, rule by rule, with the window's boundaries. */
class ImpactedCustomersTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T10:00:00Z");
    private static final EndedInterventions.Ended WINDOW = new EndedInterventions.Ended(1, "OI01", "REF", "PM-1", START, END, null);

    private final ImpactedCustomers rules = new ImpactedCustomers(true);

    private static Outage down(String pto, Instant at) {
        return new Outage("PM-1", pto, "PT1", "T1", "F1", "M1-P1", at, null, Cause.LOSS_OF_SIGNAL, false);
    }

    private static Outage down(String pto, Instant at, Cause cause, boolean terminated) {
        return new Outage("PM-1", pto, "PT1", "T1", "F1", "M1-P1", at, null, cause, terminated);
    }

    private List<String> selected(ImpactedCustomers rules, Outage... outages) {
        return rules.select(WINDOW, List.of(outages), Set.of()).stream().map(Outage::pto).toList();
    }

    @Test
    void bothBoundsOfTheWindowAreIncludedOneSecondOutsideIsNot() {
        assertThat(selected(rules,
                down("AT-DEBUT", START),
                down("AT-FIN", END),
                down("BEFORE", START.minusSeconds(1)),
                down("AFTER", END.plusSeconds(1))))
                .containsExactly("AT-DEBUT", "AT-FIN");
    }

    @Test
    void restoredOrNotMakesNoDifference() {
        Outage restored = new Outage("PM-1", "RESTORED", null, null, null, null, START.plusSeconds(60),
                START.plusSeconds(120), Cause.LOSS_OF_SIGNAL, false);

        assertThat(selected(rules, restored, down("STILL-DOWN", START.plusSeconds(90))))
                .containsExactly("RESTORED", "STILL-DOWN");
    }

    @Test
    void aPowerCutIsNotTheTechniciansDoing() {
        assertThat(selected(rules,
                down("GASP", START.plusSeconds(60), Cause.DYING_GASP, false),
                down("UNKNOWN-CAUSE", START.plusSeconds(60), Cause.UNKNOWN, false)))
                .containsExactly("UNKNOWN-CAUSE");
    }

    @Test
    void anUnknownPtoOrOutageTimeIsLeftOut() {
        assertThat(selected(rules, down(null, START.plusSeconds(60)), down("NO-TIME", null))).isEmpty();
    }

    @Test
    void theCustomerTheOcsOwnTechnicianWorksOnIsLeftOut() {
        List<Outage> outages = List.of(down("OWN", START.plusSeconds(60)), down("OTHER", START.plusSeconds(60)));

        assertThat(rules.select(WINDOW, outages, Set.of("OWN"))).extracting(Outage::pto).containsExactly("OTHER");
    }

    @Test
    void terminatedCustomersAreLeftOutWhenConfigured() {
        Outage terminated = down("TERMINATED", START.plusSeconds(60), Cause.LOSS_OF_SIGNAL, true);

        assertThat(selected(new ImpactedCustomers(true), terminated)).isEmpty();
        assertThat(selected(new ImpactedCustomers(false), terminated)).containsExactly("TERMINATED");
    }

    @Test
    void aCustomerDownTwiceIsListedOnceWithItsFirstOutage() {
        Instant first = START.plusSeconds(60);

        List<Outage> selected = rules.select(WINDOW,
                List.of(down("TWICE", first.plusSeconds(600)), down("TWICE", first)), Set.of());

        assertThat(selected).singleElement().extracting(Outage::downAt).isEqualTo(first);
    }
}
