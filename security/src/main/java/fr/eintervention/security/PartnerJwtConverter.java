package fr.eintervention.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A token's authorities: its scopes ({@code SCOPE_x}, from {@code scope} or {@code scp}) and the
 * partner it speaks for ({@code PARTNER_DO01}), from the partner claim or the client map.
 */
final class PartnerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<String> CLIENT_ID_CLAIMS = List.of("client_id", "azp", "sub");

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    private final String partnerClaim;
    private final Map<String, String> clients;

    PartnerJwtConverter(String partnerClaim, Map<String, String> clients) {
        this.partnerClaim = partnerClaim;
        this.clients = clients;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        String partner = partner(jwt);
        if (partner != null) {
            authorities.add(new SimpleGrantedAuthority(CallerPartner.AUTHORITY_PREFIX + partner));
        }
        return new JwtAuthenticationToken(jwt, authorities, partner != null ? partner : jwt.getSubject());
    }

    String partner(Jwt jwt) {
        Object claim = jwt.getClaims().get(partnerClaim);
        if (claim instanceof String code && !code.isBlank()) {
            return code.trim();
        }
        for (String name : CLIENT_ID_CLAIMS) {
            String clientId = jwt.getClaimAsString(name);
            if (clientId == null) {
                continue;
            }
            String code = clients.get(clientId);
            if (code == null) {
                // keys set through environment variables come lower-cased
                code = clients.get(clientId.toLowerCase(Locale.ROOT));
            }
            if (code != null && !code.isBlank()) {
                return code.trim();
            }
        }
        return null;
    }
}
