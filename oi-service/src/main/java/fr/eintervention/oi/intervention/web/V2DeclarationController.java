package fr.eintervention.oi.intervention.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v2.CompteRenduInterventionDO;
import fr.eintervention.model.v2.CompteRenduInterventionDOOut;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.CreerInterventionDOOut;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionDOOut;
import fr.eintervention.model.v2.api.CompteRenduInterventionDoApi;
import fr.eintervention.model.v2.api.CreerInterventionDoApi;
import fr.eintervention.model.v2.api.ModifierInterventionDoApi;
import fr.eintervention.oi.intervention.V2Reception;
import fr.eintervention.protocol.v1.web.RawBody;

/**
 * v2's declarations from the DOs: {@code POST /v2/interventions-do} (M1), {@code PUT} (M3) and
 * {@code POST /v2/interventions-do/compte-rendu} (the repair report). Validated before binding;
 * answered {@code {code: 0, refIntervDO, refIntervOI}} (decision 0025).
 */
@RestController
class V2DeclarationController implements CreerInterventionDoApi, ModifierInterventionDoApi, CompteRenduInterventionDoApi {

    private final V2Reception reception;

    V2DeclarationController(V2Reception reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<CreerInterventionDOOut> creerInterventionDO(CreerInterventionDO m1) {
        V2Reception.Receipt receipt = reception.receive(m1, RawBody.current());
        return ResponseEntity.ok(new CreerInterventionDOOut().code(0).refIntervDO(receipt.refDo()).refIntervOI(receipt.refOi()));
    }

    @Override
    public ResponseEntity<ModifierInterventionDOOut> modifierInterventionDO(ModifierInterventionDO m3) {
        V2Reception.Receipt receipt = reception.receive(m3, RawBody.current());
        return ResponseEntity.ok(new ModifierInterventionDOOut().code(0).refIntervDO(receipt.refDo()).refIntervOI(receipt.refOi()));
    }

    @Override
    public ResponseEntity<CompteRenduInterventionDOOut> compteRenduInterventionDO(CompteRenduInterventionDO report) {
        V2Reception.Receipt receipt = reception.receive(report, RawBody.current());
        return ResponseEntity.ok(new CompteRenduInterventionDOOut().code(0).refIntervDO(receipt.refDo())
                .refIntervOI(receipt.refOi()));
    }
}
