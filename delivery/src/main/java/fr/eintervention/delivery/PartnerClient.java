package fr.eintervention.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.ObjectMapper;

/** POSTs a stored message to its partner, with that partner's timeouts, and reads the answer. */
final class PartnerClient {

    /** an answer is a few hundred bytes; never hold more of a misbehaving partner's body */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final RestClient.Builder builder;
    private final DeliveryProperties properties;
    private final ObjectMapper mapper;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    PartnerClient(RestClient.Builder builder, DeliveryProperties properties, ObjectMapper mapper) {
        this.builder = builder;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** Sends the body as stored, byte for byte; never throws for what the partner does. */
    Attempt post(PartnerEndpoint endpoint, DeliveryRecord message) {
        try {
            URI uri = URI.create(endpoint.baseUrl().replaceAll("/+$", "") + message.path());
            return client(message.partner()).post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(endpoint.credentials()::apply)
                    .body(message.payload().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> Attempt.answered(response.getStatusCode().value(), body(response), mapper));
        } catch (RestClientException | IllegalArgumentException e) {
            // connection refused, timeout, reset..., or a malformed base URL (the directory may be corrected)
            return Attempt.failed(e);
        }
    }

    private RestClient client(String partner) {
        return clients.computeIfAbsent(partner, code -> {
            DeliveryProperties.Partner settings = properties.partner(code);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    // HTTP/1.1: no h2c upgrade attempt on plain HTTP, understood by every partner's server
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
            factory.setReadTimeout(settings.readTimeout());
            return builder.clone().requestFactory(factory).build();
        });
    }

    private static String body(ClientHttpResponse response) throws IOException {
        try (InputStream in = response.getBody()) {
            return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
        }
    }
}
