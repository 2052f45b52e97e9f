package fr.eintervention.demo.resourceserver;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.ReponseClientHSOCParInter;
import fr.eintervention.model.v1.ReponseInterventionDO;
import fr.eintervention.model.v1.api.ClientHSOCParInterApi;
import fr.eintervention.model.v1.api.InterventionDOApi;
import fr.eintervention.security.CallerPartner;

/**
 * A service in miniature with the security module, configured with nothing but the auth-server's
 * issuer (outside the auth-server's package, so that neither application scans the other).
 */
@SpringBootApplication
public class DemoResourceServer {

    @RestController
    static class Endpoints implements InterventionDOApi, ClientHSOCParInterApi {

        @Override
        public ResponseEntity<ReponseInterventionDO> declarerInterventionDO(InterventionDO interventionDO) {
            return ResponseEntity.ok(new ReponseInterventionDO()
                    .codeReponse(ReponseInterventionDO.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseInterventionDO.LibelleReponseEnum.OK)
                    .refIntervOI("OI01-DEMO"));
        }

        @Override
        public ResponseEntity<ReponseClientHSOCParInter> notifierClientsHSOC(ClientHSOCParInter clientHSOCParInter) {
            return ResponseEntity.ok(new ReponseClientHSOCParInter()
                    .codeReponse(ReponseClientHSOCParInter.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseClientHSOCParInter.LibelleReponseEnum.OK));
        }
    }

    /** Not a protocol controller: not under /v1. */
    @RestController
    static class Consultation {

        @GetMapping("/consultation/whoami")
        Map<String, String> whoami() {
            return Map.of("partner", CallerPartner.current().orElse("none"));
        }
    }
}
