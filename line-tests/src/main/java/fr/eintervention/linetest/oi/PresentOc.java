package fr.eintervention.linetest.oi;

/**
 * An OC present at the intervention's PM when a test or the end is relayed.
 *
 * @param speaksV2 only an OC that speaks v2 can be tested (decision 0035)
 */
public record PresentOc(String code, boolean speaksV2) {

    public static PresentOc v1(String code) {
        return new PresentOc(code, false);
    }

    public static PresentOc v2(String code) {
        return new PresentOc(code, true);
    }
}
