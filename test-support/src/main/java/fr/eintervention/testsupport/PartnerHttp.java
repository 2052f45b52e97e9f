package fr.eintervention.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * {@link JsonHttp} as a partner calls a secured service: every request carries
 * {@code Authorization: Bearer <token>}, by default a {@link TestTokens} token of that partner.
 *
 * <pre>{@code
 * PartnerHttp do01 = PartnerHttp.as("DO01", "write:interventions").at(port);
 * do01.post("/v1/intervention_DO", m1);
 * }</pre>
 */
public final class PartnerHttp {

    private final String baseUrl;
    private final String token;
    private final JsonHttp http;

    private PartnerHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = new JsonHttp(baseUrl);
    }

    /** A token of that partner with those scopes, for {@link Builder#at(int)}. */
    public static Builder as(String partner, String... scopes) {
        return withToken(TestTokens.token(partner, scopes));
    }

    /** Any token (expired, foreign, an auth-server's...). */
    public static Builder withToken(String token) {
        return new Builder(token);
    }

    /** Where the calls go. */
    public static final class Builder {
        private final String token;

        private Builder(String token) {
            this.token = token;
        }

        public PartnerHttp at(int port) {
            return at("http://127.0.0.1:" + port);
        }

        public PartnerHttp at(String baseUrl) {
            return new PartnerHttp(baseUrl, token);
        }
    }

    public String token() {
        return token;
    }

    public JsonHttp.Response post(String path, String body) {
        return post(path, "application/json", body);
    }

    public JsonHttp.Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonHttp.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public JsonHttp.Response send(HttpRequest.Builder request) {
        return http.send(request.header("Authorization", "Bearer " + token));
    }
}
