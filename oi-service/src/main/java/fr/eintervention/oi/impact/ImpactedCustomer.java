package fr.eintervention.oi.impact;

import java.time.Instant;

/** A customer line an OC reported down during an intervention (one entry of Liste_Clients_HS). */
record ImpactedCustomer(String pto, String pbo, String tube, String fibre, String positionPm, Instant outageAt,
        boolean outsideWindow) {
}
