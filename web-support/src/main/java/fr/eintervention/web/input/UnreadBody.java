package fr.eintervention.web.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

    /**
     * Writes a refusal from a filter, where no message converter runs, then closes the
     * connection without draining the unread body.
     */
    public static void answer(ServletRequest request, HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.setHeader("Connection", "close");
        discard(request);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static boolean discarded(ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
