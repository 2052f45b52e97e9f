package fr.eintervention.oi.intervention.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.ReponseInterventionDO;
import fr.eintervention.model.v1.api.InterventionDOApi;
import fr.eintervention.oi.intervention.DeclarationReception;
import fr.eintervention.protocol.v1.web.RawBody;

/** {@code POST /v1/intervention_DO}: M1 and M3 from the DOs. Validation happened before binding. */
@RestController
class DeclarationController implements InterventionDOApi {

    private final DeclarationReception reception;

    DeclarationController(DeclarationReception reception) {
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
