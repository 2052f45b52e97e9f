package fr.eintervention.oi.intervention.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.InterventionDO;
import fr.eintervention.model.ReponseInterventionDO;
import fr.eintervention.model.api.InterventionDOApi;
import fr.eintervention.oi.intervention.DeclarationReception;
import fr.eintervention.protocol.web.RawBody;

/** {@code POST /v1/intervention_DO}: M1 and M3 from the DOs. Validation happened before binding. */
@RestController
class InterventionDOController implements InterventionDOApi {

    private final DeclarationReception reception;

    InterventionDOController(DeclarationReception reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<ReponseInterventionDO> declarerInterventionDO(InterventionDO interventionDO) {
        DeclarationReception.Receipt receipt = reception.receive(interventionDO, RawBody.current());
        return ResponseEntity.ok(new ReponseInterventionDO()
                .codeReponse(ReponseInterventionDO.CodeReponseEnum.NUMBER_0)
                .libelleReponse(ReponseInterventionDO.LibelleReponseEnum.OK)
                .refIntervOI(receipt.refOi()));
    }
}
