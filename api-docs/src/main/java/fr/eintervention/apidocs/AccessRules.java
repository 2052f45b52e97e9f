package fr.eintervention.apidocs;

import java.util.List;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The service's own access rules, asked rather than restated: would the security filter chain
 * that serves this request let this caller in? (A request the chain does not authorize is let in.)
 */
final class AccessRules {

    private final List<SecurityFilterChain> chains;
    private final ServletContext servletContext;

    AccessRules(List<SecurityFilterChain> chains, ServletContext servletContext) {
        this.chains = chains;
        this.servletContext = servletContext;
    }

    boolean allows(String method, String uri, Authentication caller) {
        HttpServletRequest request = request(method, uri);
        for (SecurityFilterChain chain : chains) {
            if (!chain.matches(request)) {
                continue;
            }
            for (Filter filter : chain.getFilters()) {
                if (filter instanceof AuthorizationFilter authorization) {
                    AuthorizationResult result = authorization.getAuthorizationManager().authorize(() -> caller, request);
                    return result == null || result.isGranted();
                }
            }
            return true;
        }
        return true;
    }

    /** A request as the chain sees one: its path, method and dispatch, and attributes the matchers may cache. */
    private HttpServletRequest request(String method, String uri) {
        HttpServletRequest invocation = new FilterInvocation("", uri, method, servletContext).getHttpRequest();
        return new HttpServletRequestWrapper(new PathPatternRequestTransformer().transform(invocation)) {
            @Override
            public DispatcherType getDispatcherType() {
                return DispatcherType.REQUEST;
            }
        };
    }
}
