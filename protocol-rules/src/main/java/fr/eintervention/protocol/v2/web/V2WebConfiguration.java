package fr.eintervention.protocol.v2.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import fr.eintervention.model.v2.api.CompteRenduInterventionDoApi;
import fr.eintervention.model.v2.api.CompteRenduInterventionOiApi;
import fr.eintervention.model.v2.api.CreerInterventionDoApi;
import fr.eintervention.model.v2.api.CreerInterventionOiApi;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionDoApi;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi;
import fr.eintervention.model.v2.api.ModifierInterventionDoApi;
import fr.eintervention.model.v2.api.ModifierInterventionOiApi;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOcApi;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOidoApi;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v1.web.ProtocolWebConfiguration;
import fr.eintervention.protocol.v2.MessageValidator;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires version 2 of the protocol into a service, beside version 1: the contract's endpoints under
 * {@code /v2}, their bodies validated by v2's rules before binding ({@link V2BodyAdvice}), every
 * refusal answered with v2's error body, HTTP 400 ({@link V2ExceptionHandler}), every answer
 * counted ({@link V2AnswerMetrics}). How every endpoint
 * takes its input is web-support's, as for v1.
 */
@AutoConfiguration(after = ProtocolWebConfiguration.class)
@Import({V2BodyAdvice.class, V2ExceptionHandler.class, V2AnswerMetrics.class})
public class V2WebConfiguration implements WebMvcConfigurer {

    public static final String BASE_PATH = "/v2";

    /** The interfaces of v2's operations: a controller implementing one serves under {@link #BASE_PATH}. */
    static final Class<?>[] OPERATIONS = {
        CreerInterventionDoApi.class, ModifierInterventionDoApi.class, CompteRenduInterventionDoApi.class,
        DemanderTestIntermediaireInterventionDoApi.class, CreerInterventionOiApi.class, ModifierInterventionOiApi.class,
        CompteRenduInterventionOiApi.class, DemanderTestIntermediaireInterventionOiApi.class,
        NotifierImpacteClientsOcApi.class, NotifierImpacteClientsOidoApi.class};

    /** Whether the request is for one of version 2's endpoints, whose every refusal is v2's error body. */
    public static boolean serves(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + BASE_PATH + "/");
    }

    @Bean
    MessageValidator v2MessageValidator(ObjectMapper mapper, Timestamps timestamps) {
        return new MessageValidator(mapper, timestamps);
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(BASE_PATH, HandlerTypePredicate.forAssignableType(OPERATIONS));
    }
}
