package fr.eintervention.oi.referential;

/**
 * A partner operator (OC or DO).
 *
 * @param baseUrl where an OC receives M2/M4 ({@code /v1/intervention_OI} is appended)
 * @param flux3   the OC takes part in flux 3 (sends M5)
 * @param actsAsDo the partner may declare interventions (M1/M3) as a DO; an M1/M3 whose Code_DO
 *                 is not such a partner is refused (MAUVAIS_FORMAT)
 */
public record Partner(String code, String name, String baseUrl, boolean flux3, Boolean actsAsDo) {

    /** Not told: not a DO. */
    public Partner {
        actsAsDo = Boolean.TRUE.equals(actsAsDo);
    }
}
