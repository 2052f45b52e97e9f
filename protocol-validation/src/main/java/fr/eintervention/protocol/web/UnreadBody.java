package fr.eintervention.protocol.web;

import jakarta.servlet.ServletRequest;

/**
 * A request refused without reading (the rest of) its body: the server closes the connection
 * after the answer instead of draining the body first, which a partner sending it a byte at a
 * time would make last for minutes ({@link UnreadBodyValve}).
 */
public final class UnreadBody {

    static final String ATTRIBUTE = UnreadBody.class.getName();

    private UnreadBody() {
    }

    /** Marks the request: its unread body is not drained, the connection is closed after the answer. */
    public static void discard(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean discarded(ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
