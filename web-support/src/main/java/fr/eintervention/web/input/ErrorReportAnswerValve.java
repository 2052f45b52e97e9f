package fr.eintervention.web.input;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import fr.eintervention.protocol.Fault;

/**
 * Tomcat's error report, for what it answers itself before any filter or controller: a URL it
 * refuses (an encoded NUL or slash, invalid UTF-8, a path out of the root: HTTP 400), an error
 * with no body. Instead of its HTML page, the answer every refusal has: on a protocol endpoint
 * the contract's MAUVAIS_FORMAT body, elsewhere Problem Details. The request's body is not read:
 * the connection is closed after the answer, without draining it.
 */
public final class ErrorReportAnswerValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportAnswerValve.class);

    static final Fault REFUSED_URL = new Fault("path",
            "not accepted (an encoded slash, backslash or NUL, invalid UTF-8, or a path out of the root)");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null) {
            httpStatus = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        Fault fault = httpStatus == HttpStatus.BAD_REQUEST ? StrictRequestFilter.url(request).orElse(REFUSED_URL) : null;
        Refusals.Written answer = Refusals.answer(request, httpStatus, fault);
        try {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.resetBuffer();
            response.setStatus(answer.status());
            response.setContentType(answer.contentType());
            response.setContentLength(answer.body().length);
            response.setHeader("Connection", "close");
            response.getOutputStream().write(answer.body());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("error answer not written: {}", e.toString());
        }
    }

    /**
     * Puts the valve in the host's pipeline in place of Tomcat's (and Spring Boot's) HTML one;
     * last of the customizers, so that no other adds one after it. Auto-configured with the
     * protocol's validation; a server without it (the demo auth-server) declares one as a bean.
     */
    public static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standardHost) {
                    // the host adds a valve of this class when it starts, unless one is there
                    standardHost.setErrorReportValveClass(ErrorReportAnswerValve.class.getName());
                }
                host.getPipeline().addValve(new ErrorReportAnswerValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
