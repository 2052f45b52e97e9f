package fr.eintervention.web.input;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How incoming bodies are read ({@code eintervention.input.*}).
 *
 * @param bodyReadTimeout a body not fully received within this time, from the moment the service
 *                        starts reading it, is refused with 408 and the connection closed
 *                        (default 10s; an M1 of 2KB takes milliseconds, a 32MB outage batch about
 *                        3 s at 100 Mbit/s)
 * @param streamedPaths   path prefixes whose endpoint reads the body as a stream, with its own
 *                        limits and strict decoding (e.g. the OI's bulk referential import, up to
 *                        1GB): their body is neither read into memory nor checked first; default none
 * @param formPaths       path prefixes where HTML forms ({@code application/x-www-form-urlencoded})
 *                        are posted, e.g. the OI's operations console; their fields are checked as
 *                        text. Everywhere else a form is refused (415); multipart everywhere. Default none
 */
@ConfigurationProperties("eintervention.input")
record InputProperties(@DefaultValue("10s") Duration bodyReadTimeout, List<String> streamedPaths, List<String> formPaths) {

    InputProperties {
        streamedPaths = streamedPaths == null ? List.of() : List.copyOf(streamedPaths);
        formPaths = formPaths == null ? List.of() : List.copyOf(formPaths);
    }

    static boolean under(HttpServletRequest request, List<String> prefixes) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    static boolean isForm(HttpServletRequest request) {
        try {
            return request.getContentType() != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(request.getContentType()));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
