package fr.eintervention.oc.intervention.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.ReponseInterventionOI;
import fr.eintervention.model.v1.api.InterventionOIApi;
import fr.eintervention.oc.intervention.WindowReception;

/**
 * {@code POST /v1/intervention_OI}: M2 and M4 from the OIs. The shared protocol layer validated
 * the body before binding and turns a refusal into the contract's answer.
 */
@RestController
class WindowController implements InterventionOIApi {

    private final WindowReception reception;

    WindowController(WindowReception reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<ReponseInterventionOI> declarerInterventionOI(InterventionOI interventionOI) {
        reception.receive(interventionOI);
        return ResponseEntity.ok(new ReponseInterventionOI()
                .codeReponse(ReponseInterventionOI.CodeReponseEnum.NUMBER_0)
                .libelleReponse(ReponseInterventionOI.LibelleReponseEnum.OK));
    }
}
