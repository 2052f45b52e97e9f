package fr.eintervention.linetest;

/**
 * The optical route of a customer's line, as an OC tells it in M5TX and the OI relays it in M6TX;
 * any value may be unknown ({@code null}).
 *
 * @param pbo              {@code refPBO}
 * @param tube             {@code tube}
 * @param fibre            {@code fibre}
 * @param moduleName       {@code nomModulePM}
 * @param modulePosition   {@code positionModulePM}
 * @param couplerPosition  {@code positionCoupleurOC} (not carried for a line restored)
 * @param ontSerial        {@code numeroSerieONT}
 * @param patchCordColour  {@code couleurJarretiere} (not carried for a line restored)
 * @param serviceReference {@code referencePrestationPrise}
 */
public record Route(String pbo, String tube, String fibre, String moduleName, String modulePosition,
        String couplerPosition, String ontSerial, String patchCordColour, String serviceReference) {

    /** A route of which nothing is known. */
    public static Route unknown() {
        return new Route(null, null, null, null, null, null, null, null, null);
    }
}
