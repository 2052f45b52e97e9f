package fr.eintervention.oc.linetest.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionOI;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionOIOut;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi;
import fr.eintervention.oc.linetest.LineTestReception;

/**
 * {@code POST /v2/interventions-oi/test-intermediaire}: M4TX, a line test relayed by the OI,
 * answered at once (200, {@code code} 0, the test's number and reference); the M5TX follows.
 */
@RestController
class LineTestController implements DemanderTestIntermediaireInterventionOiApi {

    private final LineTestReception reception;

    LineTestController(LineTestReception reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<DemanderTestIntermediaireInterventionOIOut> demanderTestIntermediaireInterventionOI(
            DemanderTestIntermediaireInterventionOI m4tx) {
        reception.receive(m4tx);
        return ResponseEntity.ok(new DemanderTestIntermediaireInterventionOIOut(0, m4tx.getNumeroTest())
                .refIntervOI(m4tx.getRefIntervOI()));
    }
}
