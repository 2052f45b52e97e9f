package fr.eintervention.linetest.oi;

import java.util.Objects;

/** Why a message is refused: the contract's label and what was really wrong, in French, for the partner. */
public record Refusal(RefusalCode code, String description) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }
}
