package fr.eintervention.oi.linetest.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v2.ClientImpacteOCParIntervention;
import fr.eintervention.model.v2.ClientImpacteParInterventionOut;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionDO;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionDOOut;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionDoApi;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOcApi;
import fr.eintervention.oi.linetest.LineTests;
import fr.eintervention.protocol.v1.web.RawBody;

/** M3TX from the DOs and M5TX from the OCs, validated by v2's rules before binding, answered in v2. */
@RestController
class LineTestController implements DemanderTestIntermediaireInterventionDoApi, NotifierImpacteClientsOcApi {

    private final LineTests lineTests;

    LineTestController(LineTests lineTests) {
        this.lineTests = lineTests;
    }

    @Override
    public ResponseEntity<DemanderTestIntermediaireInterventionDOOut> demanderTestIntermediaireInterventionDO(
            DemanderTestIntermediaireInterventionDO m3tx) {
        LineTests.TestReceipt receipt = lineTests.request(m3tx, RawBody.current());
        return ResponseEntity.ok(new DemanderTestIntermediaireInterventionDOOut().code(0).description(receipt.description())
                .numeroTest(receipt.numeroTest()).refIntervDO(receipt.refDo()).refIntervOI(receipt.refOi()));
    }

    @Override
    public ResponseEntity<ClientImpacteParInterventionOut> notifierImpacteClientsOC(ClientImpacteOCParIntervention m5tx) {
        LineTests.AnswerReceipt receipt = lineTests.answer(m5tx, RawBody.current());
        return ResponseEntity.ok(new ClientImpacteParInterventionOut().code(0).numeroTest(receipt.numeroTest())
                .refIntervOI(receipt.refOi()));
    }
}
