package fr.eintervention.security;

import fr.eintervention.web.input.Problems;
import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 403 for a valid token that lacks the scope: {@code WWW-Authenticate} and a Problem Details body. */
final class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearer.handle(request, response, exception);
        Problems.write(response, request, HttpStatus.FORBIDDEN,
                "the token does not grant " + request.getMethod() + " " + request.getRequestURI()
                        + requiredScope(request));
    }

    private static String requiredScope(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/v1/intervention_DO", "/v1/intervention_OI", "/v2/interventions-do", "/v2/interventions-do/compte-rendu",
                    "/v2/interventions-do/test-intermediaire", "/v2/interventions-oi", "/v2/interventions-oi/compte-rendu",
                    "/v2/interventions-oi/test-intermediaire" -> " (scope write:interventions needed)";
            case "/v1/client_HS_OC_Par_Inter", "/v2/interventions-oi/notification-impacte-clients-oc",
                    "/v2/interventions-oi/notification-impacte-clients-oi-do" -> " (scope write:clients needed)";
            default -> "";
        };
    }
}
