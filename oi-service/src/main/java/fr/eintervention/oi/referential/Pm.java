package fr.eintervention.oi.referential;

import java.time.Instant;
import java.util.List;

/**
 * A PM of the OI, and the OCs present at it.
 *
 * @param retiredAt when a replacing import of the referential left it out (null: in service); a
 *                  retired PM answers PM_INCONNU to a new M1
 */
public record Pm(String code, String codeOi, List<String> operators, Instant retiredAt) {

    public Pm {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    public Pm(String code, String codeOi, List<String> operators) {
        this(code, codeOi, operators, null);
    }
}
