package fr.eintervention.oi;

/** Valid v2 bodies from DO01 and the demo referential's OCs, for the OI's tests. */
public final class V2Bodies {

    private V2Bodies() {
    }

    public static String m1(String refDo) {
        return """
                {"codeDO":"DO01","codeOI":"OI01","message":"M1","refIntervDO":"%s",
                 "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"ARMOIRE 3"},
                 "nature":"20","elementReseau":"PTO","refPBO":"PT000123","refPTO":"FI-1234-5678",
                 "referencePrestationPrise":"PRS-1","dateDebutIntervention":"2026-11-24T09:15:00+01:00"}""".formatted(refDo);
    }

    public static String m3(String refDo) {
        return """
                {"codeDO":"DO01","codeOI":"OI01","message":"M3","refIntervDO":"%s",
                 "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"ARMOIRE 3"},
                 "nature":"20","elementReseau":"PTO","refPBO":"PT000123","refPTO":"FI-1234-5678",
                 "dateDebutIntervention":"2026-11-24T09:15:00+01:00","dateFinIntervention":"2026-11-24T11:40:00+01:00"}"""
                .formatted(refDo);
    }

    public static String report(String refDo) {
        return """
                {"codeDO":"DO01","codeOI":"OI01","message":"CR","refIntervDO":"%s",
                 "lignesImpactees":[{"refPTO":"FI-1234-5678","repaCodeOC":"OC02","repaOCDemandee":true,"retStatut":false,"retMessage":"coupure"}],
                 "lignesRetablies":[{"numeroSerieONT":"ALCL12345678"}]}""".formatted(refDo);
    }

    public static String m3tx(String refDo, String refOi, int numeroTest) {
        return m3tx(refDo, refOi, numeroTest, "2026-11-24T10:00:00Z");
    }

    public static String m3tx(String refDo, String refOi, int numeroTest, String dateTest) {
        return """
                {"codeDO":"DO01","codeOI":"OI01","message":"M3TX","refIntervDO":"%s","refIntervOI":"%s",
                 "dateTest":"%s","natureTest":"LIGNES","numeroTest":%d}""".formatted(refDo, refOi, dateTest, numeroTest);
    }

    public static String m5tx(String refOi, String oc, int numeroTest) {
        return """
                {"codeOcImpacte":"%s","message":"M5TX","refIntervOI":"%s","numeroTest":%d,"testCloture":false,
                 "clientHSOC":[{"dateChangementEtat":"2026-11-24T09:31:00Z","fibre":"3","tube":"1","nomModulePM":"M01",
                   "positionCoupleurOC":"C1-4","positionModulePM":"P2","refPBO":"PT000123","refPTO":"FI-1234-5678"}],
                 "ligneClientRetablie":[]}""".formatted(oc, refOi, numeroTest);
    }
}
