package fr.eintervention.oi.outage.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.ClientHSOCParInter;
import fr.eintervention.model.ReponseClientHSOCParInter;
import fr.eintervention.model.api.ClientHSOCParInterApi;
import fr.eintervention.oi.outage.OutageDesk;
import fr.eintervention.protocol.web.RawBody;

/** {@code POST /v1/client_HS_OC_Par_Inter}: M5 from the OCs. Validation happened before binding. */
@RestController
class ClientHSController implements ClientHSOCParInterApi {

    private final OutageDesk desk;

    ClientHSController(OutageDesk desk) {
        this.desk = desk;
    }

    @Override
    public ResponseEntity<ReponseClientHSOCParInter> notifierClientsHSOC(ClientHSOCParInter clientHSOCParInter) {
        desk.receive(clientHSOCParInter, RawBody.current());
        return ResponseEntity.ok(new ReponseClientHSOCParInter()
                .codeReponse(ReponseClientHSOCParInter.CodeReponseEnum.NUMBER_0)
                .libelleReponse(ReponseClientHSOCParInter.LibelleReponseEnum.OK));
    }
}
