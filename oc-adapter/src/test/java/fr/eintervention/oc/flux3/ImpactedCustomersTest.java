package fr.eintervention.oc.flux3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.intervention.Interventions;
import fr.eintervention.oc.outage.Cause;
import fr.eintervention.oc.outage.Outage;

/** Who goes into an M5, rule by rule, with the window's boundaries. */
class ImpactedCustomersTest {

    private static final Instant DEBUT = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant FIN = Instant.parse("2026-11-24T10:00:00Z");
    private static final Interventions.Ended WINDOW = new Interventions.Ended(1, "OI01", "REF", "PM-1", DEBUT, FIN);

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
                down("AT-DEBUT", DEBUT),
                down("AT-FIN", FIN),
                down("BEFORE", DEBUT.minusSeconds(1)),
                down("AFTER", FIN.plusSeconds(1))))
                .containsExactly("AT-DEBUT", "AT-FIN");
    }

    @Test
    void restoredOrNotMakesNoDifference() {
        Outage restored = new Outage("PM-1", "RESTORED", null, null, null, null, DEBUT.plusSeconds(60),
                DEBUT.plusSeconds(120), Cause.LOSS_OF_SIGNAL, false);

        assertThat(selected(rules, restored, down("STILL-DOWN", DEBUT.plusSeconds(90))))
                .containsExactly("RESTORED", "STILL-DOWN");
    }

    @Test
    void aPowerCutIsNotTheTechniciansDoing() {
        assertThat(selected(rules,
                down("GASP", DEBUT.plusSeconds(60), Cause.DYING_GASP, false),
                down("UNKNOWN-CAUSE", DEBUT.plusSeconds(60), Cause.UNKNOWN, false)))
                .containsExactly("UNKNOWN-CAUSE");
    }

    @Test
    void anUnknownPtoOrOutageTimeIsLeftOut() {
        assertThat(selected(rules, down(null, DEBUT.plusSeconds(60)), down("NO-TIME", null))).isEmpty();
    }

    @Test
    void theCustomerTheOcsOwnTechnicianWorksOnIsLeftOut() {
        List<Outage> outages = List.of(down("OWN", DEBUT.plusSeconds(60)), down("OTHER", DEBUT.plusSeconds(60)));

        assertThat(rules.select(WINDOW, outages, Set.of("OWN"))).extracting(Outage::pto).containsExactly("OTHER");
    }

    @Test
    void terminatedCustomersAreLeftOutWhenConfigured() {
        Outage terminated = down("TERMINATED", DEBUT.plusSeconds(60), Cause.LOSS_OF_SIGNAL, true);

        assertThat(selected(new ImpactedCustomers(true), terminated)).isEmpty();
        assertThat(selected(new ImpactedCustomers(false), terminated)).containsExactly("TERMINATED");
    }

    @Test
    void aCustomerDownTwiceIsListedOnceWithItsFirstOutage() {
        Instant first = DEBUT.plusSeconds(60);

        List<Outage> selected = rules.select(WINDOW,
                List.of(down("TWICE", first.plusSeconds(600)), down("TWICE", first)), Set.of());

        assertThat(selected).singleElement().extracting(Outage::downAt).isEqualTo(first);
    }
}
