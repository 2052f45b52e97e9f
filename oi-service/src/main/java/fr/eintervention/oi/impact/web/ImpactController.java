package fr.eintervention.oi.impact.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.model.v1.ReponseClientHSOCParInter;
import fr.eintervention.model.v1.api.ClientHSOCParInterApi;
import fr.eintervention.oi.impact.ImpactReception;
import fr.eintervention.protocol.v1.web.RawBody;
import fr.eintervention.security.CallerPartner;

/** {@code POST /v1/client_HS_OC_Par_Inter}: M5 from the OCs. Validation happened before binding. */
@RestController
class ImpactController implements ClientHSOCParInterApi {

    private final ImpactReception reception;

    ImpactController(ImpactReception reception) {
        this.reception = reception;
    }

    @Override
    public ResponseEntity<ReponseClientHSOCParInter> notifierClientsHSOC(ClientHSOCParInter clientHSOCParInter) {
        reception.receive(clientHSOCParInter, RawBody.current(), CallerPartner.current().isPresent());
        return ResponseEntity.ok(new ReponseClientHSOCParInter()
                .codeReponse(ReponseClientHSOCParInter.CodeReponseEnum.NUMBER_0)
                .libelleReponse(ReponseClientHSOCParInter.LibelleReponseEnum.OK));
    }
}
