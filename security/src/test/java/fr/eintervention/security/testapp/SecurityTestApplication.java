package fr.eintervention.security.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.ReponseClientHSOCParInter;
import fr.eintervention.model.v1.ReponseInterventionDO;
import fr.eintervention.model.v1.ReponseInterventionOI;
import fr.eintervention.model.v1.api.ClientHSOCParInterApi;
import fr.eintervention.model.v1.api.InterventionDOApi;
import fr.eintervention.model.v1.api.InterventionOIApi;
import fr.eintervention.security.AuthorizationRules;
import fr.eintervention.security.CallerPartner;

/**
 * A service in miniature, without database: the three protocol endpoints (recording what they
 * "store"), operator and field endpoints, and one that tells who the caller is.
 */
@SpringBootApplication
public class SecurityTestApplication {

    /** What the protocol controllers accepted, in order. */
    public static final List<Object> STORED = new CopyOnWriteArrayList<>();

    @Bean
    AuthorizationRules fieldApi() {
        return rules -> rules.requestMatchers("/interventions/**").hasAuthority("SCOPE_field");
    }

    @RestController
    static class DeclarationController implements InterventionDOApi {
        @Override
        public ResponseEntity<ReponseInterventionDO> declarerInterventionDO(InterventionDO interventionDO) {
            STORED.add(interventionDO);
            return ResponseEntity.ok(new ReponseInterventionDO()
                    .codeReponse(ReponseInterventionDO.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseInterventionDO.LibelleReponseEnum.OK)
                    .refIntervOI("OI01-TEST"));
        }
    }

    @RestController
    static class WindowController implements InterventionOIApi {
        @Override
        public ResponseEntity<ReponseInterventionOI> declarerInterventionOI(InterventionOI interventionOI) {
            STORED.add(interventionOI);
            return ResponseEntity.ok(new ReponseInterventionOI()
                    .codeReponse(ReponseInterventionOI.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseInterventionOI.LibelleReponseEnum.OK));
        }
    }

    @RestController
    static class ImpactController implements ClientHSOCParInterApi {
        @Override
        public ResponseEntity<ReponseClientHSOCParInter> notifierClientsHSOC(ClientHSOCParInter clientHSOCParInter) {
            STORED.add(clientHSOCParInter);
            return ResponseEntity.ok(new ReponseClientHSOCParInter()
                    .codeReponse(ReponseClientHSOCParInter.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseClientHSOCParInter.LibelleReponseEnum.OK));
        }
    }

    @RestController
    static class OtherEndpoints {
        @GetMapping("/admin/ping")
        Map<String, String> admin() {
            return Map.of("area", "admin");
        }

        @GetMapping("/consultation/ping")
        Map<String, String> consultation() {
            return Map.of("area", "consultation");
        }

        @GetMapping("/interventions/ping")
        Map<String, String> field() {
            return Map.of("area", "field");
        }

        @GetMapping("/whoami")
        Map<String, String> whoami() {
            return Map.of("partner", CallerPartner.current().orElse("none"));
        }
    }
}
