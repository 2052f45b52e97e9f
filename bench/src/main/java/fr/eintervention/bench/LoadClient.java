package fr.eintervention.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The load generator's HTTP client: blocking, each sender thread on a kept-alive connection of
 * its own. The JDK's client, which the tests use, hands every request over between three
 * threads: on these 2 cores, shared with the OI, that took CPU from what is measured.
 */
final class LoadClient implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final CloseableHttpClient client;
    private final String baseUrl;

    LoadClient(int port, int connections) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build())
                .disableAutomaticRetries()
                .build();
    }

    Response post(String path, String json) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        try {
            return client.execute(post, response -> new Response(response.getCode(),
                    EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
