package fr.eintervention.oc.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import fr.eintervention.model.v2.api.CompteRenduInterventionOiApi;
import fr.eintervention.model.v2.api.CreerInterventionOiApi;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi;
import fr.eintervention.model.v2.api.ModifierInterventionOiApi;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.MessageValidator;
import tools.jackson.databind.ObjectMapper;

/**
 * Version 2 of the protocol on the adapter's web side, the minimum it needs: the OC's v2
 * operations under {@code /v2}, each body validated by v2's rules before it is bound
 * ({@link V2BodyAdvice}), every refusal answered HTTP 400 with v2's error body
 * ({@link V2Refusals}). Strict input (characters, sizes, content types) is web-support's, as for
 * every endpoint. To be replaced by the shared {@code fr.eintervention.protocol.v2.web} once it exists.
 */
@Configuration(proxyBeanMethods = false)
@Import({V2BodyAdvice.class, V2Refusals.class})
public class V2Protocol implements WebMvcConfigurer {

    public static final String BASE_PATH = "/v2";

    /** The operations the OC serves in v2 (the OI's side of the contract). */
    static final Class<?>[] OPERATIONS = {CreerInterventionOiApi.class, ModifierInterventionOiApi.class,
            CompteRenduInterventionOiApi.class, DemanderTestIntermediaireInterventionOiApi.class};

    @Bean
    MessageValidator v2MessageValidator(ObjectMapper mapper, Timestamps timestamps) {
        return new MessageValidator(mapper, timestamps);
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(BASE_PATH, HandlerTypePredicate.forAssignableType(OPERATIONS));
    }
}
