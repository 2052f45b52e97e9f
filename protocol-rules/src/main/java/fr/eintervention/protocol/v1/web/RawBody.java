package fr.eintervention.protocol.v1.web;

import java.nio.charset.StandardCharsets;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The body of the current protocol request (either version's) exactly as received, for the audit trail. */
public final class RawBody {

    private static final String ATTRIBUTE = RawBody.class.getName();

    private RawBody() {
    }

    /** Keeps the body of the current request (a version's body advice does, before validating it). */
    public static void keep(byte[] body) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(ATTRIBUTE, new String(body, StandardCharsets.UTF_8), RequestAttributes.SCOPE_REQUEST);
    }

    /** The raw body of the current request, or {@code null} outside a protocol request. */
    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : (String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
