package fr.eintervention.oi.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The operator signed in, known by the access token the console got for them (a plain OAuth2
 * provider has no user-info endpoint): a JWT of the console's issuer, its signature, issuer and
 * dates checked with the keys the issuer publishes. Their authorities are the token's scopes
 * ({@code SCOPE_operator}); their name, its subject.
 */
final class AccessTokenUser implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private final String issuer;
    private volatile JwtDecoder decoder;

    AccessTokenUser(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        Jwt token;
        try {
            token = decoder().decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "access token refused: " + e.getMessage(), null), e);
        }
        Set<GrantedAuthority> authorities = scopes(token).stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).collect(Collectors.toSet());
        if (authorities.isEmpty()) {
            // DefaultOAuth2User needs one: signed in, but no scope (the console will refuse)
            authorities = Set.of(new SimpleGrantedAuthority("OAUTH2_USER"));
        }
        return new DefaultOAuth2User(authorities, token.getClaims(), "sub");
    }

    private static List<String> scopes(Jwt token) {
        Object scope = token.getClaims().get("scope");
        if (scope instanceof String text) {
            return List.of(text.split(" "));
        }
        if (scope instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        Object scp = token.getClaims().get("scp");
        return scp instanceof java.util.Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private JwtDecoder decoder() {
        JwtDecoder known = decoder;
        if (known == null) {
            synchronized (this) {
                if (decoder == null) {
                    decoder = JwtDecoders.fromIssuerLocation(issuer);
                }
                known = decoder;
            }
        }
        return known;
    }
}
