package fr.eintervention.security;

import fr.eintervention.web.input.Problems;
import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 for a missing, expired, badly signed or foreign token: the standard
 * {@code WWW-Authenticate: Bearer ...} header and a Problem Details body, never a login page.
 */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        bearer.commence(request, response, exception);
        String detail = "a valid bearer token is required";
        if (exception instanceof OAuth2AuthenticationException oauth2 && oauth2.getError().getDescription() != null) {
            detail = "invalid bearer token: " + oauth2.getError().getDescription();
        }
        Problems.write(response, request, HttpStatus.UNAUTHORIZED, detail);
    }
}
