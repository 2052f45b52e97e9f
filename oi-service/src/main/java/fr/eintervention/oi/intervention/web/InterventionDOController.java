package fr.eintervention.oi.intervention.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.InterventionDO;
import fr.eintervention.model.ReponseInterventionDO;
import fr.eintervention.model.api.InterventionDOApi;
import fr.eintervention.oi.intervention.InterventionDesk;
import fr.eintervention.protocol.web.RawBody;

/** {@code POST /v1/intervention_DO}: M1 and M3 from the DOs. Validation happened before binding. */
@RestController
class InterventionDOController implements InterventionDOApi {

    private final InterventionDesk desk;

    InterventionDOController(InterventionDesk desk) {
        this.desk = desk;
    }

    @Override
    public ResponseEntity<ReponseInterventionDO> declarerInterventionDO(InterventionDO interventionDO) {
        InterventionDesk.Receipt receipt = desk.receive(interventionDO, RawBody.current());
        return ResponseEntity.ok(new ReponseInterventionDO()
                .codeReponse(ReponseInterventionDO.CodeReponseEnum.NUMBER_0)
                .libelleReponse(ReponseInterventionDO.LibelleReponseEnum.OK)
                .refIntervOI(receipt.refOi()));
    }
}
