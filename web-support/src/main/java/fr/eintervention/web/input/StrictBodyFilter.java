package fr.eintervention.web.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.text.ProtocolText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads every request body once the caller is authorized (after Spring Security and the body
 * size limits): within {@code eintervention.input.body-read-timeout} (else 408, connection
 * closed), then checks it with {@link ProtocolText} (strict UTF-8, no BOM, no character the
 * protocol cannot carry, JSON escapes included) and hands it on from memory. Paths whose
 * endpoint streams its body with its own checks ({@code eintervention.input.streamed-paths}) are
 * left alone.
 */
final class StrictBodyFilter extends OncePerRequestFilter {

    /** After Spring Security (-100) and the services' own body size limits (0). */
    static final int ORDER = 10;

    private static final Logger log = LoggerFactory.getLogger(StrictBodyFilter.class);

    private final Duration timeout;
    private final List<String> streamedPaths;

    StrictBodyFilter(Duration timeout, List<String> streamedPaths) {
        this.timeout = timeout;
        this.streamedPaths = List.copyOf(streamedPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return InputProperties.under(request, streamedPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (InputProperties.isForm(request)) {
            // an HTML form where forms are taken (StrictRequestFilter refused the others): the server parses it
            Optional<Fault> fault = formFields(request);
            if (fault.isPresent()) {
                Refusals.write(request, response, HttpStatus.BAD_REQUEST, fault.get());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException e) {
            // too slow, stopped coming (the connector's read timeout) or the caller hung up
            log.info("{} {}: body not received within {}: 408", request.getMethod(), request.getRequestURI(), timeout);
            Refusals.write(request, response, HttpStatus.REQUEST_TIMEOUT,
                    new Fault("body", "not received within " + timeout.toSeconds() + " s"));
            return;
        }
        Optional<Fault> fault = ProtocolText.checkBody(body, isJson(request));
        if (fault.isPresent()) {
            log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), fault.get().describe());
            Refusals.write(request, response, HttpStatus.BAD_REQUEST, fault.get());
            return;
        }
        chain.doFilter(new BodyInMemory(request, body), response);
    }

    private static Optional<Fault> formFields(HttpServletRequest request) {
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            Optional<String> reason = ProtocolText.check(field.getKey());
            for (int i = 0; reason.isEmpty() && i < field.getValue().length; i++) {
                reason = ProtocolText.check(field.getValue()[i]);
            }
            if (reason.isPresent()) {
                StringBuilder name = new StringBuilder();
                field.getKey().codePoints().forEach(c -> name.appendCodePoint(ProtocolText.carriable(c) ? c : '?'));
                return Optional.of(new Fault("form field " + name, reason.get()));
            }
        }
        return Optional.empty();
    }

    private byte[] read(InputStream in, long length) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) Math.min(length, 1 << 20) : 8192);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (System.nanoTime() - deadline > 0) {
                throw new SlowBody();
            }
        }
        return out.toByteArray();
    }

    private static boolean isJson(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class SlowBody extends IOException {
        SlowBody() {
            super(null, null);
        }
    }
}
