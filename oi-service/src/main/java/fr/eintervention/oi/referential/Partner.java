package fr.eintervention.oi.referential;

/**
 * A partner operator (OC or DO).
 *
 * @param baseUrl where an OC receives M2/M4 ({@code /v1/intervention_OI} is appended)
 * @param flux3   the OC takes part in flux 3 (sends M5)
 */
public record Partner(String code, String name, String baseUrl, boolean flux3) {
}
