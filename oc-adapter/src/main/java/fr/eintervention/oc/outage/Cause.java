package fr.eintervention.oc.outage;

/** Why a line went down, as the OC's supervision tells it. */
public enum Cause {
    /** the optical signal was lost: what a technician's manipulation causes */
    LOSS_OF_SIGNAL,
    /** the customer's equipment lost power (dying gasp alarm): never reported in M5 */
    DYING_GASP,
    UNKNOWN
}
