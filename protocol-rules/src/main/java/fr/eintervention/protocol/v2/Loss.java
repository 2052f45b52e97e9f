package fr.eintervention.protocol.v2;

/**
 * Something a message said that the other version's message cannot carry, as data: the field as
 * the source message names it ({@code Nature_PBO_PTO[1]}, {@code pointMutualisation.refPMTechnique},
 * {@code lignesImpactees[0]}), the value lost, and why (in French, for the console's "relayed with
 * loss").
 */
public record Loss(String field, String value, String reason) {

    /** One line: {@code field = value: reason}. */
    public String describe() {
        return field + " = " + value + ": " + reason;
    }
}
