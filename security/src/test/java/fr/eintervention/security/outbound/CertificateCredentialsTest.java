package fr.eintervention.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import fr.eintervention.credentials.Credentials;

/** A client certificate from a Spring Boot SSL bundle, up to a mutual TLS round trip. */
class CertificateCredentialsTest {

    @TempDir
    static Path directory;
    static Path keystore;

    /** One self-signed key pair for 127.0.0.1, the server's and the client's, each trusting it. */
    @BeforeAll
    static void keystore() throws Exception {
        keystore = directory.resolve("partner.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "partner", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    private ApplicationContextRunner runner() {
        String location = "file:" + keystore;
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OutboundCredentialsAutoConfiguration.class))
                .withPropertyValues(
                        "spring.ssl.bundle.jks.partner.keystore.location=" + location,
                        "spring.ssl.bundle.jks.partner.keystore.password=changeit",
                        "spring.ssl.bundle.jks.partner.keystore.type=PKCS12",
                        "spring.ssl.bundle.jks.partner.truststore.location=" + location,
                        "spring.ssl.bundle.jks.partner.truststore.password=changeit",
                        "spring.ssl.bundle.jks.partner.truststore.type=PKCS12",
                        "eintervention.outbound.OC01.auth.type=certificate",
                        "eintervention.outbound.OC01.auth.ssl-bundle=partner",
                        "eintervention.outbound.OC02.auth.type=basic",
                        "eintervention.outbound.OC02.auth.username=OI01",
                        "eintervention.outbound.OC02.auth.password=p",
                        "eintervention.outbound.OC02.auth.ssl-bundle=partner");
    }

    @Test
    void theBundlesContextIsReturned() {
        runner().run(context -> {
            OutboundCredentials outbound = context.getBean(OutboundCredentials.class);

            Credentials certificate = outbound.forPartner("OC01");
            assertThat(certificate.sslContext()).isNotNull();
            HttpHeaders headers = new HttpHeaders();
            certificate.apply(headers);
            assertThat(headers.isEmpty()).isTrue();

            // with another kind, the certificate is presented as well
            Credentials both = outbound.forPartner("OC02");
            assertThat(both.sslContext()).isNotNull();
            both.apply(headers);
            assertThat(headers.getFirst(HttpHeaders.AUTHORIZATION)).startsWith("Basic ");
        });
    }

    @Test
    void anUnknownBundleFailsAtStartUp() {
        runner().withPropertyValues("eintervention.outbound.OC03.auth.type=certificate",
                "eintervention.outbound.OC03.auth.ssl-bundle=missing")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void mutualTlsRoundTrip() {
        runner().run(context -> {
            SslBundle bundle = context.getBean(SslBundles.class).getBundle("partner");
            SSLContext serverContext = bundle.createSslContext();
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = serverContext.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            server.createContext("/", exchange -> {
                try (exchange) {
                    X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
                    byte[] body = client.getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            try {
                URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/v1/intervention_OI");
                Credentials credentials = context.getBean(OutboundCredentials.class).forPartner("OC01");

                HttpResponse<String> response = HttpClient.newBuilder().sslContext(credentials.sslContext()).build()
                        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("CN=localhost");

                // the same trust, no client certificate: refused during the handshake
                SSLContext trustOnly = SSLContext.getInstance("TLS");
                trustOnly.init(null, bundle.getManagers().getTrustManagers(), null);
                assertThatThrownBy(() -> HttpClient.newBuilder().sslContext(trustOnly).build()
                        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
            } finally {
                server.stop(0);
            }
        });
    }
}
