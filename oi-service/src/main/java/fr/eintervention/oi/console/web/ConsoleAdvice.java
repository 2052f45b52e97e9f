package fr.eintervention.oi.console.web;

import java.security.Principal;

import org.springframework.beans.TypeMismatchException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every console page shows: who is signed in; and the console's own error page. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    @ModelAttribute("operatorName")
    String operatorName(Principal principal) {
        if (principal instanceof AbstractAuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            return user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        }
        return principal == null ? null : principal.getName();
    }

    /** htmx sends it with every request it makes (hx-headers on the body): CSRF protection holds for them too. */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? null : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
    }

    /** A field of a form or a link that does not read (a threshold that is not a number, say). */
    @ExceptionHandler({BindException.class, TypeMismatchException.class})
    String unreadable(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("reason", "Un des champs n'a pas pu être lu : vérifiez les dates (aaaa-mm-jj) et les nombres.");
        return "console/error";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String error(ResponseStatusException e, HttpServletResponse response, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("reason", e.getReason());
        return "console/error";
    }
}
