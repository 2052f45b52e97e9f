package fr.eintervention.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.ObjectMapper;

/** POSTs a stored message to its partner, with that partner's timeouts, and reads the answer. */
final class PartnerClient {

    /** an answer is a few hundred bytes; never hold more of a misbehaving partner's body */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final RestClient.Builder builder;
    private final DeliveryProperties properties;
    private final ObjectMapper mapper;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
    /**
     * The HTTP clients' threads, shared by every partner and reused from call to call (without
     * it, Spring would start a thread per request to write the body)
     */
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(daemonThreads());

    PartnerClient(RestClient.Builder builder, DeliveryProperties properties, ObjectMapper mapper) {
        this.builder = builder;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** Sends the body as stored, byte for byte; never throws for what the partner does. */
    Attempt post(PartnerEndpoint endpoint, DeliveryRecord message) {
        PartnerEndpoint.Credentials credentials = endpoint.credentials();
        try {
            HttpHeaders authentication = new HttpHeaders();
            credentials.apply(authentication); // e.g. a token fetched from the partner's authorization server
            URI uri = URI.create(endpoint.baseUrl().replaceAll("/+$", "") + message.path());
            Attempt attempt = client(message.partner(), credentials.sslContext()).post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> headers.addAll(authentication))
                    .body(message.payload().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> Attempt.answered(response.getStatusCode().value(), body(response), mapper));
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

    private RestClient client(String partner, SSLContext sslContext) {
        // one client per partner and TLS context: a partner's client certificate is its own
        return clients.computeIfAbsent(partner + (sslContext == null ? "" : "/" + System.identityHashCode(sslContext)), key -> {
            DeliveryProperties.Partner settings = properties.partner(partner);
            HttpClient.Builder http = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    // HTTP/1.1: no h2c upgrade attempt on plain HTTP, understood by every partner's server
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(httpThreads);
            if (sslContext != null) {
                http.sslContext(sslContext);
            }
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http.build());
            factory.setReadTimeout(settings.readTimeout());
            return builder.clone().requestFactory(factory).build();
        });
    }

    private static CustomizableThreadFactory daemonThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delivery-http-");
        threads.setDaemon(true);
        return threads;
    }

    private static String body(ClientHttpResponse response) throws IOException {
        try (InputStream in = response.getBody()) {
            return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
        }
    }
}
