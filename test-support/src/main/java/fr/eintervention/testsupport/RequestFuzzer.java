package fr.eintervention.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Message;
import tools.jackson.databind.JsonNode;

/**
 * A seeded fuzz of a running service over real HTTP, as a hostile partner would send: valid
 * requests of each endpoint given, then spoiled one way each (NUL, lone surrogates, U+10FFFF,
 * byte-order mark, UTF-16, overlong or invalid UTF-8, in values, unknown fields, query parameters
 * and path variables; paths Tomcat itself refuses (an encoded NUL or slash, invalid UTF-8); odd
 * content types and Accept headers; truncated and random bodies). The same seed gives the same
 * requests. {@link #run} tells how many were answered 5xx, which answers of a protocol endpoint
 * ({@code /v1/...}, {@code /v2/...}) were not its version's contract's body, and which were an HTML page. {@link #send}
 * sends given requests the same way: the files at the documented limits, each with the status it
 * must get.
 */
public final class RequestFuzzer {

    /** How a body is written. */
    public enum BodyKind { JSON, CSV, NONE }

    /**
     * One endpoint to fuzz.
     *
     * @param path    the path, where {@code {x}} stands for a path variable and a query string may follow
     * @param body    a valid body (JSON or CSV), {@code null} for none
     * @param token   the bearer token the caller presents
     */
    public record Endpoint(String method, String path, BodyKind kind, String body, String token) {

        boolean protocol() {
            return path.startsWith("/v1/") || v2();
        }

        boolean v2() {
            return path.startsWith("/v2/");
        }
    }

    /** One request as sent, and what came back. */
    public record Exchange(String method, String uri, String contentType, String accept, String mutation,
            int status, String answer) {
        @Override
        public String toString() {
            return method + " " + uri + " [" + mutation + ", Content-Type " + contentType + ", Accept " + accept
                    + "] -> " + status + " " + (answer.length() > 300 ? answer.substring(0, 300) + "..." : answer);
        }
    }

    /**
     * One request sent as it is (a file at a documented limit, say) and the status it must get.
     *
     * @param body     the body's bytes, sent with the endpoint's content type
     * @param what     what the request is, for the report
     * @param expected the status it must be answered
     */
    public record Given(Endpoint endpoint, byte[] body, String what, int expected) {
    }

    /** What a run found. */
    public record Result(int requests, List<Exchange> serverErrors, List<Exchange> badProtocolAnswers,
            List<Exchange> emptyErrorBodies, List<Exchange> htmlBodies, List<Exchange> unexpectedStatuses) {

        public String summary() {
            StringBuilder text = new StringBuilder(requests + " requests, " + serverErrors.size() + " x 5xx, "
                    + badProtocolAnswers.size() + " protocol answers off the contract, "
                    + emptyErrorBodies.size() + " errors without a body, " + htmlBodies.size() + " HTML bodies, "
                    + unexpectedStatuses.size() + " unexpected statuses");
            serverErrors.stream().limit(15).forEach(exchange -> text.append("\n  5xx: ").append(exchange));
            badProtocolAnswers.stream().limit(15).forEach(exchange -> text.append("\n  off contract: ").append(exchange));
            emptyErrorBodies.stream().limit(15).forEach(exchange -> text.append("\n  empty: ").append(exchange));
            htmlBodies.stream().limit(15).forEach(exchange -> text.append("\n  HTML: ").append(exchange));
            unexpectedStatuses.stream().limit(15).forEach(exchange -> text.append("\n  unexpected: ").append(exchange));
            return text.toString();
        }

        /** Nothing found. */
        public boolean clean() {
            return serverErrors.isEmpty() && badProtocolAnswers.isEmpty() && emptyErrorBodies.isEmpty()
                    && htmlBodies.isEmpty() && unexpectedStatuses.isEmpty();
        }
    }

    private static final Pattern STRING_VALUE = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    /** What the protocol cannot carry, as raw UTF-8 bytes (some of them not UTF-8 at all). */
    private static final byte[][] BAD_BYTES = {
            {0},                                        // NUL
            {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF}, // overlong "./"
            {(byte) 0xC0, (byte) 0x80},                 // overlong NUL
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},    // an encoded lone surrogate
            {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, // U+10FFFF
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE},    // U+FFFE
            {(byte) 0xFF},                              // never UTF-8
            {(byte) 0x80},                              // a lone continuation byte
            {(byte) 0xE2, (byte) 0x82},                 // truncated sequence
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},    // a BOM inside
            {0x1B, '[', '2', 'J'},                      // an escape sequence
            {0x7F},
    };
    /** The same, as JSON escapes. */
    private static final String[] BAD_ESCAPES = {"\\u0000", "\\ud800", "\\udfff", "x\\ud800y", "\\udbff\\udfff",
            "\\uFFFE", "\\u001b", "a\\u0000b", "\\ud800\\u0041"};
    private static final String[] CONTENT_TYPES = {"*/*", "application/*", "*/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "multipart/form-data", "text/plain", "text/csv", "application/xml",
            "application/json; charset=utf-16", "application/json; charset=UTF-16LE", "application/json; charset=bogus",
            "application/json; charset=ISO-8859-1", ";;;", "application/json;", "json", "", "application/json\u0000",
            "text/csv; charset=utf-16"};
    /** Path segments Tomcat refuses before any filter: an encoded NUL, slash or backslash, invalid UTF-8. */
    private static final String[] REFUSED_PATHS = {"%00", "%C0%AF", "..%2F..%2Fadmin", "%2F", "%5C", "a%00b", "%C0%AE%C0%AE",
            "..%2f", "%FF", "%ED%A0%80", "%E2%82", "..;/admin", "%2e%2e%2f%2e%2e%2fetc"};
    private static final String[] ACCEPTS = {"application/xml", "text/html", "*/*", "image/png", "application/json",
            "text/csv", "application/problem+xml", "garbage/", ";q=0"};

    private final long seed;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RequestFuzzer(long seed) {
        this.seed = seed;
    }

    /** Sends {@code requests} requests to the endpoints, {@code parallelism} at a time. */
    public Result run(String baseUrl, List<Endpoint> endpoints, int requests, int parallelism) {
        Random random = new Random(seed);
        List<Built> built = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            built.add(build(random, endpoints.get(random.nextInt(endpoints.size()))));
        }
        return sendAll(baseUrl, built, parallelism);
    }

    /** Sends the given requests one at a time: each is checked as the fuzz's are, and must get its status. */
    public Result send(String baseUrl, List<Given> requests) {
        List<Built> built = requests.stream().map(given -> new Built(given.endpoint(), given.endpoint().path(),
                switch (given.endpoint().kind()) {
                    case JSON -> "application/json";
                    case CSV -> "text/csv";
                    case NONE -> null;
                }, null, given.body(), given.what() + " (" + given.body().length + " bytes)", given.expected())).toList();
        return sendAll(baseUrl, built, 1);
    }

    private Result sendAll(String baseUrl, List<Built> built, int parallelism) {
        List<Exchange> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<Exchange> badAnswers = Collections.synchronizedList(new ArrayList<>());
        List<Exchange> empty = Collections.synchronizedList(new ArrayList<>());
        List<Exchange> html = Collections.synchronizedList(new ArrayList<>());
        List<Exchange> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Built request : built) {
                futures.add(pool.submit(() -> {
                    Exchange exchange = send(baseUrl, request);
                    sent.incrementAndGet();
                    if (exchange.status() >= 500) {
                        serverErrors.add(exchange);
                    }
                    if (request.endpoint().protocol()
                            && !(request.endpoint().v2() ? v2ContractAnswer(request.endpoint(), exchange) : contractAnswer(exchange))) {
                        badAnswers.add(exchange);
                    }
                    if (exchange.status() >= 400 && exchange.answer().isBlank()) {
                        empty.add(exchange);
                    }
                    if (isHtml(exchange.answer())) {
                        html.add(exchange);
                    }
                    // a body refused as too large while the client still sends it: the answer may be lost with the connection
                    boolean tooLargeCut = request.expected() == 413 && exchange.status() == 499;
                    if (request.expected() > 0 && exchange.status() != request.expected() && !tooLargeCut) {
                        unexpected.add(exchange);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return new Result(sent.get(), List.copyOf(serverErrors), List.copyOf(badAnswers), List.copyOf(empty),
                List.copyOf(html), List.copyOf(unexpected));
    }

    /** A JSON body made exactly {@code size} bytes long with trailing white space: a body at a size limit. */
    public static byte[] padded(String json, int size) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (body.length > size) {
            throw new IllegalArgumentException("the body is already " + body.length + " bytes");
        }
        byte[] padded = java.util.Arrays.copyOf(body, size);
        java.util.Arrays.fill(padded, body.length, size, (byte) ' ');
        return padded;
    }

    /** A page rather than data: what a framework's or the server's own error page is. */
    public static boolean isHtml(String answer) {
        String start = answer.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<body");
    }

    /**
     * The contract's answer: {@code Code_Reponse} a number, {@code Libelle_Reponse} a label,
     * {@code Description_Reponse} at most 100 characters. Authentication, rate and body size
     * refusals (401, 403, 429, 413) are Problem Details, before the protocol.
     */
    static boolean contractAnswer(Exchange exchange) {
        if (exchange.status() == 401 || exchange.status() == 403 || exchange.status() == 413 || exchange.status() == 429) {
            return !exchange.answer().isBlank();
        }
        JsonNode json = JsonHttp.parse(exchange.answer());
        JsonNode code = json.get("Code_Reponse");
        JsonNode label = json.get("Libelle_Reponse");
        JsonNode description = json.get("Description_Reponse");
        return code != null && code.isInt() && label != null && label.isString()
                && (description == null || description.isNull()
                        || (description.isString() && description.stringValue().length() <= 100))
                && (exchange.status() == 200) == (code.intValue() == 0);
    }

    /**
     * v2's answer (decision 0025), as the operation's contract gives it: a 200 whose {@code code}
     * is 0, with the fields the operation's answer requires ({@code refIntervDO} on the DO's
     * operations, {@code refIntervOI} on the OI's, {@code numeroTest} for a line test) and no
     * other than the contract's; a 400 whose {@code error} is a label the operation may refuse
     * with ({@code Message.errors()}), {@code error_description} at most 256 characters and
     * {@code error_parameters} a list of names. Any other 4xx (authentication, rate, a path or
     * method no operation takes) is off the protocol: Problem Details. A 200 or 400 of an
     * endpoint no v2 operation is fails.
     */
    static boolean v2ContractAnswer(Endpoint endpoint, Exchange exchange) {
        JsonNode json = JsonHttp.parse(exchange.answer());
        // a body too slow to come keeps its 408, with v2's error body (web-support's Refusals)
        boolean refusal = exchange.status() == 400 || (exchange.status() == 408 && json.has("error"));
        if (exchange.status() >= 400 && !refusal) {
            return problemDetails(json, exchange.status());
        }
        String path = endpoint.path().substring("/v2".length()).replaceAll("\\?.*", "");
        Message message = Message.at(endpoint.method(), path);
        if (message == null || !json.isObject()) {
            return false;
        }
        if (exchange.status() == 200) {
            JsonNode code = json.get("code");
            return code != null && code.isInt() && code.intValue() == 0
                    && V2_ANSWER_FIELDS.containsAll(json.propertyNames())
                    && required(message).stream().allMatch(json::hasNonNull)
                    && (!json.has("description") || json.get("description").isString())
                    && (!json.has("numeroTest") || json.get("numeroTest").isInt());
        }
        JsonNode error = json.get("error");
        JsonNode description = json.get("error_description");
        JsonNode parameters = json.get("error_parameters");
        return refusal && error != null && error.isString()
                && ErrorCode.read(error.stringValue()) != null && message.errors().contains(ErrorCode.read(error.stringValue()))
                && (description == null || (description.isString() && description.stringValue().length() <= 256))
                && (parameters == null || (parameters.isArray() && parameters.valueStream().allMatch(JsonNode::isString)));
    }

    /** The fields any v2 answer of ours may carry (the contract's {@code *Out} schemas). */
    private static final Set<String> V2_ANSWER_FIELDS = Set.of("code", "description", "numeroTest", "refIntervOI",
            "refIntervDO", "reserve");

    /** The fields the operation's answer requires besides {@code code}. */
    private static List<String> required(Message message) {
        return switch (message) {
            case M1, M3, REPORT_DO -> List.of("refIntervDO");
            case M3TX -> List.of("refIntervDO", "numeroTest");
            case M4TX -> List.of("numeroTest");
            case M2, M4, REPORT_OI, M5TX, M6TX -> List.of("refIntervOI");
        };
    }

    /** RFC 9457 Problem Details of that status. */
    private static boolean problemDetails(JsonNode json, int status) {
        JsonNode given = json.get("status");
        JsonNode title = json.get("title");
        return given != null && given.isInt() && given.intValue() == status && title != null && title.isString();
    }

    private record Built(Endpoint endpoint, String uri, String contentType, String accept, byte[] body, String mutation,
            int expected) {

        Built(Endpoint endpoint, String uri, String contentType, String accept, byte[] body, String mutation) {
            this(endpoint, uri, contentType, accept, body, mutation, 0);
        }
    }

    private Exchange send(String baseUrl, Built request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.uri())).timeout(Duration.ofSeconds(120));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad fuzz URI " + request.uri(), e);
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        builder.method(request.endpoint().method(), body);
        if (request.contentType() != null && !request.contentType().isEmpty() && request.contentType().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        builder.header("Authorization", "Bearer " + request.endpoint().token());
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Exchange(request.endpoint().method(), request.uri(), request.contentType(), request.accept(),
                    request.mutation(), response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the server closed the connection (e.g. a refused body): not a 5xx, but say so
            return new Exchange(request.endpoint().method(), request.uri(), request.contentType(), request.accept(),
                    request.mutation(), 499, "connection: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Built build(Random random, Endpoint endpoint) {
        String path = fillPath(endpoint.path(), "x" + random.nextInt(1000));
        String contentType = switch (endpoint.kind()) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case NONE -> null;
        };
        byte[] valid = endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8);
        String accept = null;
        int mutation = random.nextInt(15);
        byte[] body = valid;
        String name;
        switch (mutation) {
            case 0 -> {
                name = "valid";
            }
            case 1 -> {
                byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
                body = spoilValue(random, endpoint, bad);
                name = "raw bytes " + hex(bad) + " in a value";
            }
            case 2 -> {
                String escape = BAD_ESCAPES[random.nextInt(BAD_ESCAPES.length)];
                body = spoilValue(random, endpoint, escape.getBytes(StandardCharsets.US_ASCII));
                name = "escape " + escape + " in a value";
            }
            case 3 -> {
                String escape = BAD_ESCAPES[random.nextInt(BAD_ESCAPES.length)];
                body = unknownField(endpoint, ("\"zz" + escape + "\":\"" + escape + "\"").getBytes(StandardCharsets.US_ASCII),
                        escape.getBytes(StandardCharsets.US_ASCII));
                name = "unknown field with " + escape;
            }
            case 4 -> {
                byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
                body = unknownField(endpoint, concat("\"zz\":\"".getBytes(StandardCharsets.US_ASCII), bad,
                        new byte[] {'"'}), bad);
                name = "unknown field with raw " + hex(bad);
            }
            case 5 -> {
                body = valid == null ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                        : concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid);
                name = "BOM";
            }
            case 6 -> {
                boolean bom = random.nextBoolean();
                String text = endpoint.body() == null ? "{}" : endpoint.body();
                body = text.getBytes(bom ? StandardCharsets.UTF_16 : random.nextBoolean()
                        ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
                name = bom ? "UTF-16 with BOM" : "UTF-16 without BOM";
            }
            case 7 -> {
                contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                name = "content type " + contentType;
            }
            case 8 -> {
                accept = ACCEPTS[random.nextInt(ACCEPTS.length)];
                name = "accept " + accept;
            }
            case 9 -> {
                String value = queryValue(random);
                path = path + (path.contains("?") ? "&" : "?") + queryName(random, endpoint.path()) + "=" + value;
                name = "query " + value;
            }
            case 10 -> {
                String value = queryValue(random);
                if (endpoint.path().contains("{")) {
                    path = fillPath(endpoint.path(), value);
                    name = "path variable " + value;
                } else {
                    path = path + (path.contains("?") ? "&" : "?") + "zz=" + value;
                    name = "unknown query parameter " + value;
                }
            }
            case 11 -> {
                body = valid == null ? randomBytes(random, 64)
                        : java.util.Arrays.copyOf(valid, random.nextInt(Math.max(1, valid.length)));
                name = "truncated body";
            }
            case 12 -> {
                body = randomBytes(random, 1 + random.nextInt(300));
                name = "random bytes";
            }
            case 13 -> {
                String refused = REFUSED_PATHS[random.nextInt(REFUSED_PATHS.length)];
                int query = path.indexOf('?');
                String bare = query < 0 ? path : path.substring(0, query);
                path = (random.nextBoolean() ? bare + "/" + refused : bare.substring(0, bare.lastIndexOf('/') + 1) + refused)
                        + (query < 0 ? "" : path.substring(query));
                name = "path " + refused;
            }
            default -> {
                String[] odd = {"[]", "null", "\"x\"", "123456789012345678901234567890", "{\"a\":" + "[".repeat(2000),
                        "{}", "{\"Nature_PBO_PTO\":{}}", "[{\"PM\":null}]", "{\"PM\":[1,2]}", "true"};
                body = odd[random.nextInt(odd.length)].getBytes(StandardCharsets.UTF_8);
                name = "odd JSON " + new String(body, 0, Math.min(body.length, 30), StandardCharsets.UTF_8);
            }
        }
        if (endpoint.kind() == BodyKind.NONE && mutation != 7 && mutation != 11 && mutation != 12) {
            body = null;
        }
        return new Built(endpoint, path, contentType, accept, body, name);
    }

    /** The body with one string value (or a CSV cell) replaced by {@code bad}, or appended to it. */
    private static byte[] spoilValue(Random random, Endpoint endpoint, byte[] bad) {
        if (endpoint.body() == null) {
            return concat("{\"x\":\"".getBytes(StandardCharsets.US_ASCII), bad, "\"}".getBytes(StandardCharsets.US_ASCII));
        }
        String body = endpoint.body();
        if (endpoint.kind() == BodyKind.CSV) {
            int at = body.lastIndexOf(';') + 1;
            return concat(body.substring(0, at).getBytes(StandardCharsets.UTF_8), bad,
                    body.substring(at).getBytes(StandardCharsets.UTF_8));
        }
        Matcher matcher = STRING_VALUE.matcher(body);
        List<int[]> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(new int[] {matcher.start(2), matcher.end(2)});
        }
        if (values.isEmpty()) {
            return unknownField(endpoint, concat("\"zz\":\"".getBytes(StandardCharsets.US_ASCII), bad,
                    new byte[] {'"'}), bad);
        }
        int[] value = values.get(random.nextInt(values.size()));
        boolean replace = random.nextBoolean();
        return concat(body.substring(0, replace ? value[0] : value[1]).getBytes(StandardCharsets.UTF_8), bad,
                body.substring(value[1]).getBytes(StandardCharsets.UTF_8));
    }

    /** The body with one more member first in its (first) object; a CSV gets one more column. */
    private static byte[] unknownField(Endpoint endpoint, byte[] member, byte[] bad) {
        String body = endpoint.body() == null ? "{}" : endpoint.body();
        if (endpoint.kind() == BodyKind.CSV) {
            String[] lines = body.split("\n", 2);
            return concat((lines[0] + ";zz\n").getBytes(StandardCharsets.UTF_8),
                    (lines.length > 1 ? lines[1].strip() + ";" : "").getBytes(StandardCharsets.UTF_8), bad);
        }
        int at = body.indexOf('{') + 1;
        boolean empty = body.substring(at).strip().startsWith("}");
        return concat(body.substring(0, at).getBytes(StandardCharsets.UTF_8), member,
                (empty ? "" : ",").getBytes(StandardCharsets.US_ASCII), body.substring(at).getBytes(StandardCharsets.UTF_8));
    }

    private static String fillPath(String template, String value) {
        return PATH_VARIABLE.matcher(template).replaceAll(Matcher.quoteReplacement(value));
    }

    private static String queryName(Random random, String path) {
        String[] names = {"pm", "partner", "subject", "codeDo", "from", "to", "at", "state", "status", "page", "size", "by"};
        return names[random.nextInt(names.length)];
    }

    /** A percent-encoded query value holding something the protocol cannot carry. */
    private static String queryValue(Random random) {
        String[] values = {"%00", "a%00b", "%C0%AE%C0%AF", "%ED%A0%80", "%F4%8F%BF%BF", "%FF", "%80", "%EF%BB%BFx",
                "%E2%82", "%1B", "%EF%BF%BE", "%25", "%25zz", "2026-02-30", "-1", "99999999999999999999"};
        return values[random.nextInt(values.length)];
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }
}
