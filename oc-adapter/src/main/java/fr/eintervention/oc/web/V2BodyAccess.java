package fr.eintervention.oc.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The body of the current v2 request exactly as received, for what must be stored byte for byte. */
public final class V2BodyAccess {

    private static final String ATTRIBUTE = V2BodyAccess.class.getName();

    private V2BodyAccess() {
    }

    static void keep(byte[] body) {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, body, RequestAttributes.SCOPE_REQUEST);
    }

    /** The raw body of the current v2 request; {@code null} outside one. */
    public static byte[] rawBody() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : (byte[]) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
