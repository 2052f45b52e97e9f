package fr.eintervention.oi.outage.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.ClientHSOCParInter;
import fr.eintervention.model.ReponseClientHSOCParInter;
import fr.eintervention.model.api.ClientHSOCParInterApi;
import fr.eintervention.oi.outage.OutageReportReception;
import fr.eintervention.protocol.web.RawBody;
import fr.eintervention.security.CallerPartner;

/** {@code POST /v1/client_HS_OC_Par_Inter}: M5 from the OCs. Validation happened before binding. */
@RestController
class ClientHSController implements ClientHSOCParInterApi {

    private final OutageReportReception reception;

    ClientHSController(OutageReportReception reception) {
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
