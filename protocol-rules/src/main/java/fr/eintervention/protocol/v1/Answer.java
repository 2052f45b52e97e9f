package fr.eintervention.protocol.v1;

import java.util.Locale;

/**
 * The protocol's functional answers (R M1..R M5), with the contract's numbering and HTTP status.
 * The specification numbers R M2's PM_INCONNU as 3 while the contract says 4: we send the
 * contract's numbering and, when reading an answer, trust the label first.
 */
public enum Answer {
    OK(0, 200),
    CHAMPS_NON_RENSEIGNE(1, 400),
    MAUVAIS_FORMAT(2, 400),
    CODE_OI_INCONNU(3, 404),
    PM_INCONNU(4, 404),
    REF_INTERV_OI_INCONNUE(3, 404);

    /** The contract limits Description_Reponse to 100 characters. */
    public static final int DESCRIPTION_MAX_LENGTH = 100;

    private final int code;
    private final int httpStatus;

    Answer(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isOk() {
        return this == OK;
    }

    /**
     * Reads a partner's answer: the label wins; the number only when the label is absent or
     * unknown. {@code null} when neither tells.
     */
    public static Answer read(String label, Integer code) {
        if (label != null) {
            String normalized = label.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            for (Answer answer : values()) {
                if (answer.name().equals(normalized)) {
                    return answer;
                }
            }
        }
        if (code != null) {
            return switch (code) {
                case 0 -> OK;
                case 1 -> CHAMPS_NON_RENSEIGNE;
                case 2 -> MAUVAIS_FORMAT;
                case 3 -> CODE_OI_INCONNU;
                case 4 -> PM_INCONNU;
                default -> null;
            };
        }
        return null;
    }

    /** Cuts a description to the contract's maximum length. */
    public static String fit(String description) {
        if (description == null || description.length() <= DESCRIPTION_MAX_LENGTH) {
            return description;
        }
        return description.substring(0, DESCRIPTION_MAX_LENGTH - 3) + "...";
    }
}
