package fr.eintervention.security;

import java.lang.reflect.Type;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import fr.eintervention.protocol.v1.ProtocolMessage;
import fr.eintervention.protocol.v2.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "A partner only speaks for itself": once a protocol message is validated and bound (after the
 * protocol's own body advice), and before any controller sees it, the field naming its sender
 * must be the caller's operator code, in either version ({@code Code_DO}, {@code codeDO}...).
 * Otherwise the request ends in 403 and nothing is stored.
 */
@ControllerAdvice
class PartnerCheckAdvice extends RequestBodyAdviceAdapter {

    private static final Logger log = LoggerFactory.getLogger(PartnerCheckAdvice.class);

    private final EInterventionSecurityProperties properties;
    private final ObjectMapper mapper;

    PartnerCheckAdvice(EInterventionSecurityProperties properties, ObjectMapper mapper) {
        this.properties = properties;
        this.mapper = mapper;
    }

    /** The field of each protocol message that names its sender. */
    static String senderField(ProtocolMessage message) {
        return switch (message) {
            case INTERVENTION_DO -> "Code_DO";
            case INTERVENTION_OI -> "Code_OI";
            case CLIENTS_HS -> "Code_OC_impacte";
        };
    }

    /**
     * The field of each v2 message that names its sender; {@code null} for M6TX, which names none
     * (the OI sends it to the DO, about the OI's own reference: the token's scope is the check).
     */
    static String senderField(Message message) {
        return switch (message) {
            case M1, M3, REPORT_DO, M3TX -> "codeDO";
            case M2, M4, REPORT_OI, M4TX -> "codeOI";
            case M5TX -> "codeOcImpacte";
            case M6TX -> null;
        };
    }

    /** The sender field of a request type of either version; {@code null} when it is none or names no sender. */
    private static String senderField(Type targetType) {
        if (!(targetType instanceof Class<?> type)) {
            return null;
        }
        ProtocolMessage v1 = ProtocolMessage.forType(type);
        if (v1 != null) {
            return senderField(v1);
        }
        Message v2 = Message.forType(type);
        return v2 == null ? null : senderField(v2);
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return properties.enabled() && senderField(targetType) != null;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        String field = senderField(targetType);
        JsonNode value = mapper.<JsonNode>valueToTree(body).get(field);
        String sender = value == null || value.isNull() ? null : value.asString();
        String caller = CallerPartner.current().orElse(null);
        if (caller == null) {
            log.warn("{} refused: the token names no partner", field);
            throw new ForeignPartnerException(
                    "the token names no partner (claim " + properties.partnerClaim() + " or a configured client)");
        }
        if (!caller.equals(sender)) {
            log.warn("{} {} refused: the caller is {}", field, sender, caller);
            throw new ForeignPartnerException(field + " " + sender + " does not match the caller " + caller);
        }
        return body;
    }
}
