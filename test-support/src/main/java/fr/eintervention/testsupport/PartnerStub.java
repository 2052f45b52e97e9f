package fr.eintervention.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A protocol partner over real HTTP on loopback (an OC, an OI...), that records what it receives
 * and can be told to answer OK, a KO code, an HTTP error, to hang, or to be down.
 */
public final class PartnerStub implements AutoCloseable {

    static {
        // The JDK's HTTP server writes the headers and the body of an answer separately: with
        // Nagle's algorithm and the client's delayed ACK, every request would take ~40 ms more.
        // Read once, when the JDK's HTTP server is first used in the JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the stub received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** How the stub answers, with headers of its own if any (e.g. {@code Retry-After}). */
    public record Reply(int status, String body, Map<String, String> headers) {

        public Reply(int status, String body) {
            this(status, body, Map.of());
        }

        /** The same answer with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, Map.copyOf(more));
        }

        public static Reply ok() {
            return new Reply(200, "{\"Code_Reponse\":0,\"Libelle_Reponse\":\"OK\"}");
        }

        public static Reply ko(int status, int code, String label, String description) {
            return new Reply(status, "{\"Code_Reponse\":" + code + ",\"Libelle_Reponse\":\"" + label
                    + "\",\"Description_Reponse\":\"" + description + "\"}");
        }

        public static Reply status(int status) {
            return new Reply(status, "");
        }
    }

    /** a copy-on-write list would copy itself at each request: slow once thousands arrived (benchmarks) */
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Function<Received, Reply> replies = request -> Reply.ok();
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private final AtomicInteger hanging = new AtomicInteger();
    private volatile HttpServer server;
    private final int port;

    private PartnerStub(int port) {
        this.port = port;
        up();
    }

    public static PartnerStub start() {
        return new PartnerStub(0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers every request with what the function says. */
    public PartnerStub replyWith(Function<Received, Reply> replies) {
        this.replies = replies;
        return this;
    }

    public PartnerStub replyOk() {
        return replyWith(request -> Reply.ok());
    }

    /** Requests are held without an answer until {@link #release()}. */
    public PartnerStub hang() {
        hang = new CountDownLatch(1);
        return this;
    }

    /** How many requests are held without an answer now ({@link #hang()}). */
    public int hanging() {
        return hanging.get();
    }

    public PartnerStub release() {
        hang.countDown();
        return this;
    }

    /** Closes the port: connections are refused. */
    public synchronized PartnerStub down() {
        if (server != null) {
            server.stop(0);
        }
        return this;
    }

    /** Listens again, on the same port. */
    public synchronized PartnerStub up() {
        try {
            int bindPort = server == null ? port : server.getAddress().getPort();
            HttpServer fresh = HttpServer.create(new InetSocketAddress("127.0.0.1", bindPort), 200);
            fresh.createContext("/", this::handle);
            fresh.setExecutor(executor);
            fresh.start();
            server = fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many requests arrived, without copying them. */
    public int receivedCount() {
        return received.size();
    }

    public List<Received> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, Instant.now());
            hanging.incrementAndGet();
            try {
                if (!hang.await(5, TimeUnit.MINUTES)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                hanging.decrementAndGet();
            }
            received.add(request);
            Reply reply = replies.apply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        release();
        down();
        executor.shutdownNow();
    }
}
