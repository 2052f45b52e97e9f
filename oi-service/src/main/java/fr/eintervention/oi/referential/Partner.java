package fr.eintervention.oi.referential;

import java.util.Set;

/**
 * A partner operator (OC or DO).
 *
 * @param baseUrl         where an OC receives M2/M4 (the message's path is appended), and where a
 *                        DO speaking v2 receives M6TX
 * @param flux3           the OC takes part in flux 3 (sends M5)
 * @param actsAsDo        the partner may declare interventions (M1/M3) as a DO; an M1/M3 whose Code_DO
 *                        is not such a partner is refused (MAUVAIS_FORMAT)
 * @param protocolVersion the version of the protocol the partner speaks, {@code v1} or {@code v2}
 *                        ({@code v1} when not told): what the OI sends it is in that version
 */
public record Partner(String code, String name, String baseUrl, boolean flux3, Boolean actsAsDo, String protocolVersion) {

    public static final String V1 = "v1";
    public static final String V2 = "v2";
    public static final Set<String> VERSIONS = Set.of(V1, V2);

    /** Not told: not a DO, and speaks v1. */
    public Partner {
        actsAsDo = Boolean.TRUE.equals(actsAsDo);
        protocolVersion = protocolVersion == null || protocolVersion.isBlank() ? V1 : protocolVersion;
    }

    /** A partner speaking v1. */
    public Partner(String code, String name, String baseUrl, boolean flux3, Boolean actsAsDo) {
        this(code, name, baseUrl, flux3, actsAsDo, V1);
    }

    /** Whether the partner speaks v2. */
    public boolean speaksV2() {
        return V2.equals(protocolVersion);
    }
}
