package fr.eintervention.bench.shape;

import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * OC receivers, a process of their own: one HTTP server per OC answering every M2/M4 OK in the
 * version of the path it came to (v1's {@code /v1/intervention_OI}: {@code {Code_Reponse: 0, ...}};
 * v2's {@code /v2/interventions-oi}: {@code {code: 0, description, refIntervOI}}), each reception
 * kept as (Ref_Interv_OI or refIntervOI, OC, kind, version, time). A control server answers
 * {@code /received?since=n}: lines {@code ref oc kind version epochMicros}, the first reception of
 * each, from the n-th on, streamed (a run receives a million of them).
 * Prints {@code READY control=<port> OC01=<port> ...} once listening.
 * Arguments: the OC codes.
 */
public final class OcReceivers {

    private static final byte[] OK = "{\"Code_Reponse\":0,\"Libelle_Reponse\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Long> FIRST = new ConcurrentHashMap<>();
    /** the first receptions in their order; only appended to */
    private static final List<String> ORDER = java.util.Collections.synchronizedList(new ArrayList<>());

    private OcReceivers() {
    }

    public static void main(String[] ocs) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        StringBuilder ready = new StringBuilder("READY");
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        control.createContext("/received", OcReceivers::received);
        control.setExecutor(Executors.newSingleThreadExecutor());
        control.start();
        ready.append(" control=").append(control.getAddress().getPort());
        for (String oc : ocs) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.createContext("/", exchange -> receive(exchange, oc));
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            ready.append(' ').append(oc).append('=').append(server.getAddress().getPort());
        }
        System.out.println(ready);
        System.out.flush();
    }

    private static void receive(HttpExchange exchange, String oc) throws IOException {
        long micros = micros(Instant.now());
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean v2 = exchange.getRequestURI().getPath().startsWith("/v2/");
        String ref = field(body, v2 ? "refIntervOI" : "Ref_Interv_OI");
        // v2's M4 is a PUT of the same path; v1's has Fin_Inter
        String kind = (v2 ? exchange.getRequestMethod().equals("PUT") : body.contains("\"Fin_Inter\"")) ? "M4" : "M2";
        String key = ref + ' ' + oc + ' ' + kind + (v2 ? " v2" : " v1");
        if (FIRST.putIfAbsent(key, micros) == null) {
            ORDER.add(key);
        }
        answer(exchange, 200, v2 ? ("{\"code\":0,\"description\":\"OK\",\"refIntervOI\":\"" + ref + "\"}")
                .getBytes(StandardCharsets.UTF_8) : OK);
    }

    private static void received(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int since = query != null && query.startsWith("since=") ? Integer.parseInt(query.substring(6)) : 0;
        int until = ORDER.size();
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
            for (int index = since; index < until; index++) {
                String key = ORDER.get(index);
                out.write(key);
                out.write(' ');
                out.write(Long.toString(FIRST.get(key)));
                out.write('\n');
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    /** A string field's value, without parsing the whole body. */
    static String field(String body, String name) {
        int key = body.indexOf("\"" + name + "\"");
        if (key < 0) {
            return "";
        }
        int start = body.indexOf('"', body.indexOf(':', key) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }
}
