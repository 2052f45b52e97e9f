package fr.eintervention.oi.referential;

import java.util.List;

/** A PM of the OI, and the OCs present at it. */
public record Pm(String code, String codeOi, List<String> operators) {

    public Pm {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }
}
