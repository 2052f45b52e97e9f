package fr.eintervention.linetest.oi;

/** The contracts' labels the line tests' rules answer with (decisions 0030, 0036, 0038). */
public enum RefusalCode {
    /** M3TX and M5TX: a conditionally required field is missing */
    CHAMPS_NON_RENSEIGNE,
    /** M3TX: a value outside the protocol's range ({@code numeroTest} outside 1..5) */
    MAUVAIS_FORMAT,
    /** M3TX: the request contradicts the intervention (ended, before its start, a test skipped, too soon) */
    INCOHERENCE,
    /** M3TX: that test was already asked */
    TEST_PRECEDENT_DEJA_EMIS,
    /** M3TX: the previous test still waits for an OC's answer */
    TEST_PRECEDENT_NON_ACQUITTE,
    /** M5TX: the answer came after the OC's answer deadline */
    DELAI_NON_RESPECTE,
    /** M5TX: the answer does not answer a question the OI asked that OC */
    ERREUR_ITERATION,
    /** M3: the OI requires a test before the end and none was asked */
    M3TX_NON_DEMANDE
}
