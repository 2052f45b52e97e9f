package fr.eintervention.web.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.eintervention.web.input.BodyInMemory;

/**
 * Refuses a request body larger than a limit ({@code eintervention.security.max-body-size} for the
 * module's own, before authentication) with 413 before anything reads it: at once from its {@code Content-Length}, or, for a chunked body, by reading at
 * most the limit plus one byte (the body is then handed on from memory). Forms and multipart bodies
 * too (no endpoint takes them: the protocol-validation module refuses them with 415 before this
 * filter). The connection of a refused request is closed without reading the rest of its body.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<String> exemptPaths;

    /**
     * @param maxBytes    the largest body let through
     * @param exemptPaths path prefixes this filter leaves alone (another one limits them)
     */
    public BodySizeLimitFilter(long maxBytes, List<String> exemptPaths) {
        this.maxBytes = maxBytes;
        this.exemptPaths = List.copyOf(exemptPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return exemptPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
            if (body.length > maxBytes) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(new BodyInMemory(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(response, request, HttpStatus.CONTENT_TOO_LARGE,
                "request body larger than " + maxBytes + " bytes");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
}
