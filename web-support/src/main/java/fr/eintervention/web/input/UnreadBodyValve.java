package fr.eintervention.web.input;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * Tomcat drains the unread body of every request before the next one on the connection (up to
 * {@code server.tomcat.max-swallow-size}), even when it closes the connection: a refused request
 * whose body drips in would hold its thread all that time. For a request marked by
 * {@link UnreadBody#discard}, the connection is closed after the answer without draining.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (UnreadBody.discarded(request)) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                // Tomcat takes that for an error to report: the answer was written already, no error page
                response.setErrorReported();
            }
        }
    }
}
