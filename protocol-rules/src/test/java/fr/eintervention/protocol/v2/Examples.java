package fr.eintervention.protocol.v2;

import java.util.Map;

/** One valid request of each v2 message, as a partner following the contract sends it. */
final class Examples {

    static final String M1 = """
            {"codeDO":"OC01","codeOI":"OI01","message":"M1","refIntervDO":"DO-2026-0001",
             "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"ARMOIRE 3"},
             "nature":"20","elementReseau":"PBO","refPBO":"PT000123","refPTO":"FI-1234-5678",
             "referencePrestationPrise":"PRS-1","dateDebutIntervention":"2026-11-24T09:15:00+01:00"}""";
    static final String M3 = """
            {"codeDO":"OC01","codeOI":"OI01","message":"M3","refIntervDO":"DO-2026-0001",
             "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"ARMOIRE 3"},
             "nature":"41","elementReseau":"PTO","refPTO":"FI-1234-5678",
             "dateDebutIntervention":"2026-11-24T09:15:00+01:00","dateFinIntervention":"2026-11-24T11:40:00+01:00"}""";
    static final String REPORT_DO = """
            {"codeDO":"OC01","codeOI":"OI01","message":"CR","refIntervDO":"DO-2026-0001","refIntervOI":"OI01-20261124-7K2M9QXA",
             "lignesImpactees":[{"refPTO":"FI-1234-5678","repaCodeOC":"OC02","repaOCDemandee":true,"retStatut":false,"retMessage":"coupure"}],
             "lignesRetablies":[{"numeroSerieONT":"ALCL12345678"}]}""";
    static final String M3TX = """
            {"codeDO":"OC01","codeOI":"OI01","message":"M3TX","refIntervDO":"DO-2026-0001","refIntervOI":"OI01-20261124-7K2M9QXA",
             "dateTest":"2026-11-24T10:00:00Z","natureTest":"LIGNES","numeroTest":1}""";
    static final String M2 = """
            {"codeOI":"OI01","message":"M2","refIntervOI":"OI01-20261124-7K2M9QXA",
             "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"FI-35238-0001"},
             "refPBO":"PT000123","elementReseau":"PBO","dateDebutIntervention":"2026-11-24T09:15:00+01:00"}""";
    static final String M4 = """
            {"codeOI":"OI01","message":"M4","refIntervOI":"OI01-20261124-7K2M9QXA",
             "pointMutualisation":{"refPM":"FI-35238-0001","refPMTechnique":"FI-35238-0001"},
             "dateDebutIntervention":"2026-11-24T09:15:00+01:00","dateFinIntervention":"2026-11-24T11:40:00+01:00",
             "dateTestFinFroid":"2026-12-09T11:40:00+01:00"}""";
    static final String REPORT_OI = """
            {"codeOI":"OI01","message":"CR","refIntervOI":"OI01-20261124-7K2M9QXA",
             "lignesImpactees":[{"referencePrestationPrise":"PRS-1","retMessage":"coupure"}],"lignesRetablies":[]}""";
    static final String M4TX = """
            {"codeOI":"OI01","message":"M4TX","refIntervOI":"OI01-20261124-7K2M9QXA",
             "dateTest":"2026-11-24T10:00:00Z","natureTest":"LIGNES","numeroTest":5}""";
    static final String M5TX = """
            {"codeOcImpacte":"OC02","message":"M5TX","refIntervOI":"OI01-20261124-7K2M9QXA","numeroTest":1,"testCloture":false,
             "clientHSOC":[{"dateChangementEtat":"2026-11-24T09:31:00Z","fibre":"3","tube":"1","nomModulePM":"M01",
               "positionCoupleurOC":"C1-4","positionModulePM":"P2","refPBO":"PT000123","refPTO":"FI-1234-5678"}],
             "ligneClientRetablie":[{"dateChangementEtat":"2026-11-24T09:50:00Z","fibre":"4","tube":"1","nomModulePm":"M01",
               "positionModulePM":"P3","refPBO":"PT000123","refPTO":"FI-1234-9999"}],
             "demandeReparation":[{"codeDO":"OC01","reparation":true}]}""";
    static final String M6TX = """
            {"codeOCImpacte":"OC02","message":"M6TX","refIntervOI":"OI01-20261124-7K2M9QXA","numeroTest":1,
             "multiInterventionOI":false,"nombreOC":2,"reparation":false,
             "clientHSOC":[{"dateChangementEtat":"2026-11-24T09:31:00Z","fibre":"3","tube":"1","nomModulePM":"M01",
               "positionCoupleurOC":"C1-4","positionModulePM":"P2","refPBO":"PT000123","refPTO":"FI-1234-5678","reserveReparationOI":true}],
             "ligneClientRetablie":[]}""";

    static final Map<Message, String> ALL = Map.of(Message.M1, M1, Message.M3, M3, Message.REPORT_DO, REPORT_DO,
            Message.M3TX, M3TX, Message.M2, M2, Message.M4, M4, Message.REPORT_OI, REPORT_OI, Message.M4TX, M4TX,
            Message.M5TX, M5TX, Message.M6TX, M6TX);

    private Examples() {
    }
}
