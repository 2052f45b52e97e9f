package fr.eintervention.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import fr.eintervention.credentials.Credentials;
import tools.jackson.databind.ObjectMapper;

/**
 * POSTs a stored message to its partner, with that partner's timeouts, and reads the answer.
 *
 * <p>Apache HttpClient with blocking I/O: the worker that sends a message writes the request and
 * reads the answer itself, over a kept-alive connection of the partner's pool. (The JDK's
 * client hands each request over between three threads; at hundreds of messages a second that
 * cost more CPU than the rest of a delivery.)
 */
final class PartnerClient implements AutoCloseable {

    /** an answer is a few hundred bytes; never hold more of a misbehaving partner's body */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final RestClient.Builder builder;
    private final DeliveryProperties properties;
    private final ObjectMapper mapper;
    private final Map<String, Connections> clients = new ConcurrentHashMap<>();
    private final TraceContexts traces;

    PartnerClient(RestClient.Builder builder, DeliveryProperties properties, ObjectMapper mapper, TraceContexts traces) {
        this.builder = builder;
        this.properties = properties;
        this.mapper = mapper;
        this.traces = traces;
    }

    /**
     * Sends the body as stored, byte for byte, with the message's method (POST unless its path
     * names another); never throws for what the partner does.
     */
    Attempt post(PartnerEndpoint endpoint, DeliveryRecord message) {
        Credentials credentials = endpoint.credentials();
        // in the trace of the request that queued the message: the client's observation sends its traceparent on
        try (TraceContexts.Scope trace = traces.continued(message.traceparent(), "deliver " + message.kind())) {
            HttpHeaders authentication = new HttpHeaders();
            credentials.apply(authentication); // e.g. a token fetched from the partner's authorization server
            OutboundMessage.Target target = OutboundMessage.target(message.path());
            URI uri = URI.create(endpoint.baseUrl().replaceAll("/+$", "") + target.path());
            Attempt attempt = client(message.partner(), credentials.sslContext()).rest.method(target.method())
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        headers.addAll(authentication);
                        if (message.traceparent() != null && !headers.containsHeader("traceparent")) {
                            headers.set("traceparent", message.traceparent()); // a client without observation
                        }
                    })
                    .body(message.payload().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> Attempt.answered(response.getStatusCode().value(), body(response),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), mapper));
            if (Integer.valueOf(401).equals(attempt.httpStatus())) {
                credentials.unauthorized(); // the retry fetches a fresh token
            }
            return attempt;
        } catch (RuntimeException e) {
            // connection refused, timeout, reset..., a malformed base URL (the directory may be corrected),
            // credentials that could not be had (token endpoint down): all retried
            return Attempt.failed(e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(client -> client.http.close(CloseMode.GRACEFUL));
    }

    private Connections client(String partner, SSLContext sslContext) {
        // one pool per partner and TLS context: a partner's client certificate is its own
        return clients.computeIfAbsent(partner + (sslContext == null ? "" : "/" + System.identityHashCode(sslContext)), key -> {
            DeliveryProperties.Partner settings = properties.partner(partner);
            int connections = settings.maxConcurrentCalls();
            PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                    // the bulkhead bounds the calls in flight; twice that leaves room for a base URL that changed
                    .setMaxConnPerRoute(connections)
                    .setMaxConnTotal(2 * connections)
                    .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                            .setSocketTimeout(Timeout.of(settings.readTimeout()))
                            // a kept-alive connection the partner may have closed is checked before reuse
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build());
            if (sslContext != null) {
                pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
            }
            CloseableHttpClient http = HttpClients.custom()
                    .setConnectionManager(pool.build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setResponseTimeout(Timeout.of(settings.readTimeout()))
                            .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                            .build())
                    // the engine decides on retries (the protocol's schedule) and a redirect is the partner's error
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .evictIdleConnections(TimeValue.ofSeconds(30))
                    .build();
            return new Connections(http, builder.clone().requestFactory(new HttpComponentsClientHttpRequestFactory(http)).build());
        });
    }

    private static String body(ClientHttpResponse response) throws IOException {
        try (InputStream in = response.getBody()) {
            return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
        }
    }

    private record Connections(CloseableHttpClient http, RestClient rest) {
    }
}
