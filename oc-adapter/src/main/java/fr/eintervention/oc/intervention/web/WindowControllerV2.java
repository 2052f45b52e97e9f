package fr.eintervention.oc.intervention.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CompteRenduInterventionOIOut;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.CreerInterventionOIOut;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionOIOut;
import fr.eintervention.model.v2.api.CompteRenduInterventionOiApi;
import fr.eintervention.model.v2.api.CreerInterventionOiApi;
import fr.eintervention.model.v2.api.ModifierInterventionOiApi;
import fr.eintervention.oc.intervention.WindowReceptionV2;
import fr.eintervention.protocol.v1.web.RawBody;

/**
 * v2's M2 ({@code POST /v2/interventions-oi}), M4 ({@code PUT /v2/interventions-oi}) and relayed
 * repair report ({@code POST /v2/interventions-oi/compte-rendu}). v2's rules validated the body
 * before binding; a refusal is v2's 400 error body; an accepted message is answered 200,
 * {@code code} 0 and the reference. The sender field ({@code codeOI}) is the caller's: the security
 * module checks it, as for v1.
 */
@RestController
class WindowControllerV2 implements CreerInterventionOiApi, ModifierInterventionOiApi, CompteRenduInterventionOiApi {

    private final WindowReceptionV2 reception;

    WindowControllerV2(WindowReceptionV2 reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<CreerInterventionOIOut> creerInterventionOI(CreerInterventionOI m2) {
        reception.receive(m2);
        return ResponseEntity.ok(new CreerInterventionOIOut(0, m2.getRefIntervOI()));
    }

    @Override
    public ResponseEntity<ModifierInterventionOIOut> modifierInterventionOI(ModifierInterventionOI m4) {
        reception.receive(m4);
        return ResponseEntity.ok(new ModifierInterventionOIOut(0, m4.getRefIntervOI()));
    }

    @Override
    public ResponseEntity<CompteRenduInterventionOIOut> compteRenduInterventionOI(CompteRenduInterventionOI report) {
        reception.receiveReport(report, RawBody.current().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok(new CompteRenduInterventionOIOut(0, report.getRefIntervOI()));
    }
}
