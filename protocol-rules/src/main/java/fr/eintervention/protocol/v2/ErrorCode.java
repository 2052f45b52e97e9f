package fr.eintervention.protocol.v2;

import java.util.Locale;

/**
 * The labels of v2's refusals ({@code error} of the 400 body), as the two v2.5.0 contracts list
 * them. Which operation may send which is {@link Message#errors()}.
 */
public enum ErrorCode {
    CHAMPS_NON_RENSEIGNE,
    MAUVAIS_FORMAT,
    CODE_OI_INCONNU,
    PM_INCONNU,
    /** An unknown DO reference (the report and M3TX, DO side). */
    REF_INTERV_INCONNUE,
    /** An unknown OI reference; the official M4TX answer spells it REF_INTERVOI_INCONNUE (decision 0024). */
    REF_INTERV_OI_INCONNUE,
    INCOHERENCE,
    M3TX_NON_DEMANDE,
    TEST_PRECEDENT_DEJA_EMIS,
    TEST_PRECEDENT_NON_ACQUITTE,
    TEST_NON_REALISE,
    DELAI_NON_RESPECTE,
    ERREUR_ITERATION;

    /** The official M4TX answer's spelling of {@link #REF_INTERV_OI_INCONNUE}. */
    static final String REF_INTERVOI_INCONNUE = "REF_INTERVOI_INCONNUE";

    /** A partner's label, either spelling of REF_INTERV_OI_INCONNUE included; {@code null} when unknown. */
    public static ErrorCode read(String label) {
        if (label == null) {
            return null;
        }
        String normalized = label.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (REF_INTERVOI_INCONNUE.equals(normalized)) {
            return REF_INTERV_OI_INCONNUE;
        }
        for (ErrorCode code : values()) {
            if (code.name().equals(normalized)) {
                return code;
            }
        }
        return null;
    }
}
