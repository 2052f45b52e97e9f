package fr.eintervention.web.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.text.ProtocolText;
import fr.eintervention.protocol.v1.web.ProtocolWebConfiguration;
import fr.eintervention.protocol.v2.web.V2WebConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first check of every request, before anything reads its body or parameters: path and
 * query parameters decoded strictly ({@link ProtocolText}), a body's {@code Content-Type}
 * readable, concrete, not multipart nor a form (no endpoint takes them, and the server would
 * parse them before any limit) but on the paths of HTML forms ({@code eintervention.input.form-paths}),
 * in UTF-8; an {@code Accept} header readable, and on a protocol
 * endpoint one that accepts JSON. Refusals: see {@link Refusals}.
 */
final class StrictRequestFilter extends OncePerRequestFilter {

    /** Before Spring's form filter (-9900), which reads form bodies of PUT and PATCH requests. */
    static final int ORDER = -9950;

    private final List<String> formPaths;

    StrictRequestFilter(List<String> formPaths) {
        this.formPaths = List.copyOf(formPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Fault> fault = url(request);
        if (fault.isPresent()) {
            Refusals.write(request, response, HttpStatus.BAD_REQUEST, fault.get());
            return;
        }
        fault = contentType(request);
        if (fault.isPresent()) {
            Refusals.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, fault.get());
            return;
        }
        fault = accept(request);
        if (fault.isPresent()) {
            Refusals.write(request, response, HttpStatus.NOT_ACCEPTABLE, fault.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the path or the query string, if anything: also what Tomcat's refusal of a URL names. */
    static Optional<Fault> url(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String segment : path.split("/")) {
            Optional<Fault> fault = text("path", segment, false);
            if (fault.isPresent()) {
                return fault;
            }
        }
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            Optional<Fault> fault = text("query parameter", name, true);
            if (fault.isPresent()) {
                return fault;
            }
            if (equals >= 0) {
                String decodedName;
                try {
                    decodedName = ProtocolText.decodePercent(name, true);
                } catch (CharacterCodingException | RuntimeException e) {
                    decodedName = "?";
                }
                fault = text("query parameter " + decodedName, parameter.substring(equals + 1), true);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Fault> text(String field, String encoded, boolean query) {
        String decoded;
        try {
            decoded = ProtocolText.decodePercent(encoded, query);
        } catch (CharacterCodingException e) {
            return Optional.of(new Fault(field, "not UTF-8 (invalid, overlong or incomplete percent-encoding)"));
        }
        return ProtocolText.check(decoded).map(reason -> new Fault(field, reason));
    }

    private Optional<Fault> contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(new Fault("Content-Type", "unreadable media type; application/json expected"));
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Optional.of(new Fault("Content-Type", "a concrete media type expected, e.g. application/json"));
        }
        boolean form = MediaType.APPLICATION_FORM_URLENCODED.includes(type);
        if (form && !InputProperties.under(request, formPaths) || "multipart".equalsIgnoreCase(type.getType())) {
            return Optional.of(new Fault("Content-Type", "forms and multipart bodies are not accepted"));
        }
        Charset charset;
        try {
            charset = type.getCharset();
        } catch (RuntimeException e) {
            return Optional.of(new Fault("Content-Type", "unknown charset; UTF-8 expected"));
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            return Optional.of(new Fault("Content-Type", "charset " + charset.name() + " not accepted; UTF-8 expected"));
        }
        return Optional.empty();
    }

    private static Optional<Fault> accept(HttpServletRequest request) {
        String header = request.getHeader("Accept");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(new Fault("Accept", "unreadable media type; application/json expected"));
        }
        if ((ProtocolWebConfiguration.serves(request) || V2WebConfiguration.serves(request)) && !accepted.isEmpty()
                && accepted.stream().noneMatch(type -> type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0)) {
            return Optional.of(new Fault("Accept", "the protocol answers application/json"));
        }
        return Optional.empty();
    }
}
