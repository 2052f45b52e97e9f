package fr.eintervention.conformance.suite;

import java.util.Locale;

/** The role of the operator's endpoint under test; the kit plays the others. */
public enum Role {
    /** the target is an OI: the kit is a DO and the OCs present at the PM */
    OI,
    /** the target is an OC: the kit is its OI */
    OC,
    /** the target is a DO: the kit is the OI it declares to */
    DO;

    public static Role of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
