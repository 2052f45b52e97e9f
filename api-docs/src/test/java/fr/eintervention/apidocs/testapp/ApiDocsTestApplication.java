package fr.eintervention.apidocs.testapp;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.ReponseInterventionDO;
import fr.eintervention.model.v1.api.InterventionDOApi;
import fr.eintervention.security.AuthorizationRules;

/** A service in miniature: M1/M3, an operator's endpoint, a field endpoint of its own scope, a public one. */
@SpringBootApplication
public class ApiDocsTestApplication {

    @Bean
    AuthorizationRules ownRules() {
        return rules -> {
            rules.requestMatchers("/field/**").hasAuthority("SCOPE_field");
            rules.requestMatchers("/public/**").permitAll();
        };
    }

    @RestController
    static class DeclarationController implements InterventionDOApi {
        @Override
        public ResponseEntity<ReponseInterventionDO> declarerInterventionDO(InterventionDO interventionDO) {
            return ResponseEntity.ok(new ReponseInterventionDO()
                    .codeReponse(ReponseInterventionDO.CodeReponseEnum.NUMBER_0)
                    .libelleReponse(ReponseInterventionDO.LibelleReponseEnum.OK)
                    .refIntervOI("OI01-TEST"));
        }
    }

    @RestController
    static class Tools {
        @GetMapping("/admin/things")
        Map<String, String> things() {
            return Map.of();
        }

        @GetMapping("/field/{ref}")
        Map<String, String> field() {
            return Map.of();
        }

        @GetMapping("/public/hello")
        Map<String, String> hello() {
            return Map.of("hello", "world");
        }

        /** A body of this project's own: its fields get real examples. */
        record Declared(String pm, String codeOi, java.time.Instant debut, String free) {
        }

        @GetMapping("/admin/declared")
        Declared declared(@org.springframework.web.bind.annotation.RequestParam String partner) {
            return new Declared("FI-35238-0001", "OI01", java.time.Instant.EPOCH, "x");
        }
    }
}
