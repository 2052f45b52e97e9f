package fr.eintervention.protocol.v2;

import static fr.eintervention.protocol.v2.MessageSchema.UNBOUNDED;

/** The schema of each v2 request, field by field as our v2 contracts say (checked by MessageTest). */
final class Schemas {

    static final String[] NATURES = {"1", "2", "20", "21", "22", "4", "41", "5", "6", "60", "61"};
    static final String[] NETWORK_ELEMENTS = {"PBO", "PM", "PTO"};
    static final int MAX_TESTS = 5;

    private Schemas() {
    }

    /** M1 ({@code end} false) and M3. */
    static MessageSchema intervention(boolean end) {
        MessageSchema schema = MessageSchema.object()
                .code("codeDO")
                .code("codeOI")
                .timestamp("dateDebutIntervention")
                .timestamp("dateFinIntervention");
        if (!end) {
            schema.optional();
        }
        schema.choice("elementReseau", NETWORK_ELEMENTS);
        if (!end) {
            schema.optional();
        }
        int minLength = end ? 0 : 1;
        return schema.text("message", 1, 4)
                .choice("nature", NATURES)
                .object("pointMutualisation", pointMutualisation())
                .reference("refIntervDO")
                .text("refPBO", minLength, 100).optional()
                .text("refPTO", minLength, 50).optional()
                .text("referencePrestationPrise", 1, 30).optional();
    }

    static MessageSchema pointMutualisation() {
        return MessageSchema.object().reference("refPM").text("refPMTechnique", 1, 50);
    }

    static MessageSchema reportDo() {
        return MessageSchema.object()
                .code("codeDO")
                .code("codeOI")
                .list("lignesImpactees", impactedLine(0)).optional()
                .list("lignesRetablies", restoredLine()).optional()
                .text("message", 1, 4)
                .reference("refIntervDO")
                .reference("refIntervOI").optional();
    }

    static MessageSchema reportOi() {
        return MessageSchema.object()
                .code("codeOI")
                .list("lignesImpactees", impactedLine(1)).optional()
                .list("lignesRetablies", restoredLine()).optional()
                .text("message", 1, 4)
                .reference("refIntervOI");
    }

    /** {@code LigneImpacte}: the DO side sets no minimum length to its free texts, the OI side 1. */
    private static MessageSchema impactedLine(int textMinLength) {
        return MessageSchema.object()
                .text("numeroSerieONT", 1, 50).optional()
                .text("refPTO", 1, 50).optional()
                .text("referencePrestationPrise", 1, 30).optional()
                .code("repaCodeOC").optional()
                .bool("repaOCDemandee").optional()
                .text("retMessage", textMinLength, 500).optional()
                .bool("retStatut").optional()
                .text("retTypo", textMinLength, 500).optional();
    }

    private static MessageSchema restoredLine() {
        return MessageSchema.object()
                .text("numeroSerieONT", 1, 50).optional()
                .text("refPTO", 1, 50).optional()
                .text("referencePrestationPrise", 1, 30).optional();
    }

    static MessageSchema testDo() {
        return MessageSchema.object()
                .code("codeDO")
                .code("codeOI")
                .timestamp("dateTest")
                .text("message", 1, 4)
                .text("natureTest", 1, 10)
                .integer("numeroTest", 1, MAX_TESTS)
                .reference("refIntervDO")
                .reference("refIntervOI");
    }

    static MessageSchema testOi() {
        return MessageSchema.object()
                .code("codeOI")
                .timestamp("dateTest")
                .text("message", 1, 4)
                .text("natureTest", 1, 10)
                .integer("numeroTest", 1, MAX_TESTS)
                .reference("refIntervOI");
    }

    static MessageSchema start() {
        return MessageSchema.object()
                .code("codeOI")
                .timestamp("dateDebutIntervention")
                .text("description", 1, 200).optional()
                .choice("elementReseau", NETWORK_ELEMENTS).optional()
                .text("message", 1, 4)
                .object("pointMutualisation", pointMutualisation())
                .reference("refIntervOI")
                .text("refPBO", 1, 100);
    }

    static MessageSchema end() {
        return MessageSchema.object()
                .code("codeOI")
                .timestamp("dateDebutIntervention")
                .timestamp("dateFinIntervention")
                .timestamp("dateTestFinFroid")
                .text("description", 0, UNBOUNDED).optional()
                .choice("elementReseau", NETWORK_ELEMENTS).optional()
                .text("message", 1, 4)
                .object("pointMutualisation", pointMutualisation())
                .reference("refIntervOI");
    }

    static MessageSchema impactsFromOc() {
        return MessageSchema.object()
                .list("clientHSOC", customerDown(20).text("referencePrestationPrise", 1, 30).optional())
                .code("codeOcImpacte")
                .list("demandeReparation", MessageSchema.object().code("codeDO").bool("reparation").optional()).optional()
                .list("ligneClientRetablie", lineRestored(100, true))
                .text("message", 1, 4)
                .integer("numeroTest", 1, MAX_TESTS).optional()
                .reference("refIntervOI")
                .bool("testCloture");
    }

    static MessageSchema impactsToDo() {
        return MessageSchema.object()
                .list("clientHSOC", customerDown(50).text("referencePrestationPrise", 1, 30).optional()
                        .bool("reserveReparationOI").optional())
                .code("codeOCImpacte")
                .list("ligneClientRetablie", lineRestored(256, false))
                .text("message", 1, 4)
                .bool("multiInterventionOI")
                .integer("nombreOC", 0, UNBOUNDED)
                .integer("numeroTest", 1, MAX_TESTS).optional()
                .reference("refIntervOI")
                .bool("reparation");
    }

    /** {@code ClientHSOC} (M5TX: tube and fibre 20 characters) and {@code ClientHSOC1} (M6TX: 50). */
    private static MessageSchema customerDown(int tubeAndFibre) {
        return MessageSchema.object()
                .text("couleurJarretiere", 1, 30).optional()
                .timestamp("dateChangementEtat")
                .text("fibre", 0, tubeAndFibre)
                .text("nomModulePM", 1, 256)
                .text("numeroSerieONT", 1, 50).optional()
                .text("positionCoupleurOC", 1, 256)
                .text("positionModulePM", 0, 256)
                .text("refPBO", 0, 100)
                .text("refPTO", 0, 50)
                .text("tube", 0, tubeAndFibre);
    }

    /**
     * {@code LigneClientRetablie} (M5TX: {@code nomModulePm}, either spelling read, decision 0027) and
     * {@code LigneClientRetablie1} (M6TX: {@code nomModulePM}).
     */
    private static MessageSchema lineRestored(int positionModule, boolean fromOc) {
        MessageSchema schema = MessageSchema.object()
                .timestamp("dateChangementEtat")
                .text("fibre", 0, 50);
        if (fromOc) {
            schema.text("nomModulePm", 1, 256).alsoSpelt("nomModulePM");
        } else {
            schema.text("nomModulePM", 1, 256);
        }
        return schema.text("numeroSerieONT", 1, 50).optional()
                .text("positionModulePM", 0, positionModule)
                .text("refPBO", 0, 100)
                .text("refPTO", 0, 50)
                .text("referencePrestationPrise", 1, 30).optional()
                .text("tube", 0, 50);
    }
}
