package fr.eintervention.bench.shape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.eintervention.bench.BenchSupport;

/**
 * The line tests' round trip in production's shape: M3TX asked at the DO gateway's field API, as
 * the technician's app asks it, to each OC's M6TX recorded by the gateway. One run starts a
 * durable PostgreSQL ({@link DurablePostgres}, one database per service), the demo authorization
 * server, the OI, 4 OC adapters and the DO gateway as processes of their own (v2 between them all),
 * then asks tests at {@code -Drate} (20) tests/s, {@code -Dwarmup} (60) s not measured then
 * {@code -Dseconds} (60) measured. The OCs answer once their outage feed has settled, at most
 * {@code -Dsettling} (5) seconds after the M4TX: OC01's feed is busy (outages of its customers come
 * and go every second), the other three are quiet and answer at that delay. It reports, per test,
 * asked → first and → last M6TX recorded (p50 / p99 / max, the last also minus the settling delay),
 * the tests never completed, where the time went hop by hop (from the services' own tables) and
 * the CPU each process used. Run {@code bench/line-tests.sh} (it builds first). Child logs stay in
 * the printed directory.
 */
public final class LineTestBenchmark {

    private static final int RATE = Integer.getInteger("rate", 20);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int WARMUP = Integer.getInteger("warmup", 60);
    /** the OCs' {@code eintervention.oc.line-tests.max-settling-delay}, in seconds */
    private static final int SETTLING = Integer.getInteger("settling", 5);
    /** how long after the last test asked its answers may still come */
    private static final int PATIENCE = Integer.getInteger("patience", 120);
    /** the PMs the interventions are spread over, each hosting the 4 OCs */
    private static final int PMS = Integer.getInteger("pms", 20);
    /** outages OC01's feed tells every second (as many lines restored) */
    private static final int OUTAGES_PER_SECOND = Integer.getInteger("outages-per-second", 4);
    private static final String OI_JVM = System.getProperty("oi-jvm", "-Xms256m -Xmx512m");
    private static final String SERVICE_JVM = System.getProperty("service-jvm", "-Xms128m -Xmx384m");
    private static final List<String> OCS = List.of("OC01", "OC02", "OC03", "OC04");
    private static final String FED = "OC01";
    private static final int MAX_TESTS = 5;

    private final Path work;
    private final DurablePostgres postgres;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final List<String> pms = new ArrayList<>();
    /** the base URL of each OC adapter and of the DO gateway */
    private final Map<String, String> urls = new LinkedHashMap<>();
    private String issuer;
    private String gateway;
    private String technicianToken;

    // --- the driver's state: interventions ready for their next test, tests asked ---
    private final PriorityQueue<Intervention> ready = new PriorityQueue<>(Comparator.comparing(Intervention::readyAt));
    private final Map<String, Intervention> pending = new ConcurrentHashMap<>();
    private final Map<String, Test> tests = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger refusedStarts = new AtomicInteger();
    private final AtomicInteger refusedTests = new AtomicInteger();
    private final AtomicInteger missedTicks = new AtomicInteger();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private volatile boolean asking = true;

    private LineTestBenchmark(Path work, DurablePostgres postgres) {
        this.work = work;
        this.postgres = postgres;
        for (int i = 1; i <= PMS; i++) {
            pms.add(String.format("FI-BENCH-%04d", i));
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("eintervention-line-tests");
        System.out.println("logs of every process: " + work);
        int status = 0;
        try (DurablePostgres postgres = DurablePostgres.start()) {
            System.out.println("database: " + postgres.describe());
            new LineTestBenchmark(work, postgres).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // the HTTP client's threads would keep the JVM alive
        System.exit(status);
    }

    private void run() throws Exception {
        try {
            startServices();
            measure();
        } finally {
            for (ChildProcess process : processes.values()) {
                process.close();
            }
            postgres.keepLog(work);
        }
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("| --- | --- |");
        results.forEach((measure, result) -> System.out.println("| " + measure + " | " + result + " |"));
    }

    // --- the services ---

    private void startServices() throws Exception {
        for (String database : databases()) {
            Services.sql(postgres, "postgres", "create database " + database);
        }
        int authPort = DurablePostgres.freePort();
        issuer = "http://127.0.0.1:" + authPort;
        List<String> authArguments = new ArrayList<>(List.of("-jar", Services.jar("auth-server").toString(),
                "--spring.profiles.active=demo", "--server.port=" + authPort,
                // the OI sends M6TX to the DO: its client writes the impacted customers too
                "--eintervention.auth-server.clients.OI01.scopes=write:interventions,write:clients"));
        for (String oc : OCS) {
            authArguments.addAll(List.of("--eintervention.auth-server.clients." + oc + ".scopes=write:clients",
                    "--eintervention.auth-server.clients." + oc + ".secret=" + secret(oc)));
        }
        start("auth-server", List.of("-Xmx128m"), authArguments, issuer);

        int oiPort = DurablePostgres.freePort();
        String oiUrl = "http://127.0.0.1:" + oiPort;
        Map<String, Integer> ocPorts = new LinkedHashMap<>();
        for (String oc : OCS) {
            ocPorts.put(oc, DurablePostgres.freePort());
        }
        int gatewayPort = DurablePostgres.freePort();
        gateway = "http://127.0.0.1:" + gatewayPort;

        List<String> oi = service("oi-service", oiPort, "oi");
        // the shortest delay between two tests of an intervention: the pace is the OCs' answers here
        oi.add("--eintervention.oi.line-tests.minimum-delay=1s");
        for (String partner : concat(OCS, "DO01")) {
            String prefix = "--eintervention.outbound." + partner + ".auth.";
            oi.addAll(List.of(prefix + "type=oauth2", prefix + "token-uri=" + issuer + "/oauth2/token",
                    prefix + "client-id=OI01", prefix + "client-secret=demo-oi01-secret"));
        }
        oi.addAll(extra("oi.args"));
        start("oi", Arrays.asList(OI_JVM.trim().split("\\s+")), oi, oiUrl);

        String operator = Services.token(http, issuer, "operator", "demo-operator-secret");
        for (String oc : OCS) {
            Services.send(http, "PUT", oiUrl + "/admin/referential/partners/" + oc, operator, "{\"name\":\"bench " + oc
                    + "\",\"baseUrl\":\"http://127.0.0.1:" + ocPorts.get(oc) + "\",\"flux3\":true,\"protocolVersion\":\"v2\"}");
        }
        Services.send(http, "PUT", oiUrl + "/admin/referential/partners/DO01", operator, "{\"name\":\"bench DO01\",\"baseUrl\":\""
                + gateway + "\",\"flux3\":false,\"actsAsDo\":true,\"protocolVersion\":\"v2\"}");
        for (String pm : pms) {
            Services.send(http, "PUT", oiUrl + "/admin/referential/pms/" + pm, operator,
                    "{\"codeOi\":\"OI01\",\"operators\":[\"" + String.join("\",\"", OCS) + "\"]}");
        }

        List<String> jvm = Arrays.asList(SERVICE_JVM.trim().split("\\s+"));
        for (String oc : OCS) {
            List<String> arguments = service("oc-adapter", ocPorts.get(oc), oc.toLowerCase());
            arguments.addAll(List.of("--eintervention.oc.code=" + oc,
                    "--eintervention.outbound.OI01.auth.client-secret=" + secret(oc),
                    "--eintervention.oc.partners.OI01.base-url=" + oiUrl,
                    "--eintervention.oc.partners.OI01.protocol-version=v2",
                    "--eintervention.oc.line-tests.max-settling-delay=" + SETTLING + "s"));
            arguments.addAll(extra("oc.args"));
            processes.put(oc, ChildProcess.start(oc, work, jvm, arguments, Map.of("AUTH_ISSUER", issuer)));
            urls.put(oc, "http://127.0.0.1:" + ocPorts.get(oc));
        }
        List<String> gatewayArguments = service("do-gateway", gatewayPort, "dogw");
        gatewayArguments.addAll(List.of("--eintervention.do.code=DO01", "--eintervention.do.ois.OI01.base-url=" + oiUrl,
                "--eintervention.do.ois.OI01.protocol-version=v2"));
        gatewayArguments.addAll(extra("do.args"));
        processes.put("do-gateway", ChildProcess.start("do-gateway", work, jvm, gatewayArguments, Map.of("AUTH_ISSUER", issuer)));
        urls.put("do-gateway", gateway);
        for (Map.Entry<String, String> service : urls.entrySet()) {
            processes.get(service.getKey()).awaitUp(service.getValue() + "/actuator/health", Duration.ofMinutes(4));
        }

        // each OC has the PMs and customers there: an outage long before the benchmark, over since
        Instant past = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        for (String oc : OCS) {
            String ocUrl = urls.get(oc);
            StringBuilder history = new StringBuilder();
            for (int p = 0; p < pms.size(); p++) {
                Services.send(http, "PUT", ocUrl + "/admin/pms/" + pms.get(p), operator, null);
                history.append(history.isEmpty() ? "" : ",").append(outage(p, 9000 + OCS.indexOf(oc), past, past.plusSeconds(600)));
            }
            Services.send(http, "POST", ocUrl + "/outages", operator, "[" + history + "]");
        }
        technicianToken = Services.token(http, issuer, "technician", "demo-technician-secret");
    }

    private List<String> service(String module, int port, String database) throws IOException {
        return new ArrayList<>(List.of("-jar", Services.jar(module).toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--eintervention.security.issuer-uri=" + issuer));
    }

    private void start(String name, List<String> jvm, List<String> arguments, String url) throws Exception {
        ChildProcess process = ChildProcess.start(name, work, jvm, arguments, Map.of("AUTH_ISSUER", issuer));
        processes.put(name, process);
        process.awaitUp(url + "/actuator/health", Duration.ofMinutes(3));
    }

    private static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("oi", "dogw"));
        OCS.forEach(oc -> databases.add(oc.toLowerCase()));
        return databases;
    }

    private static String secret(String oc) {
        return "demo-" + oc.toLowerCase() + "-secret";
    }

    private static List<String> extra(String property) {
        String extra = System.getProperty(property, "");
        return extra.isBlank() ? List.of() : Arrays.asList(extra.trim().split("\\s+"));
    }

    private static List<String> concat(List<String> first, String more) {
        List<String> all = new ArrayList<>(first);
        all.add(more);
        return all;
    }

    /** One line of an outage feed: customer {@code customer} of the {@code pm}-th PM, down (and up again when given). */
    private String outage(int pm, int customer, Instant down, Instant up) {
        return String.format("{\"PTO\":\"FI-%04d-%04d\",\"PM\":\"%s\",\"PBO\":\"PT%06d\",\"Tube\":\"T1\",\"Fibre\":\"F%d\","
                + "\"Position_PM_Module_OI\":\"M1-P%d\",\"downAt\":\"%s\",%s\"cause\":\"LOSS_OF_SIGNAL\",\"terminated\":false}",
                pm + 1, customer, pms.get(pm), customer, customer % 12 + 1, customer % 48 + 1, down,
                up == null ? "" : "\"upAt\":\"" + up + "\",");
    }

    // --- the load ---

    private void measure() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        ExecutorService askers = Executors.newFixedThreadPool(16);
        String operator = Services.token(http, issuer, "operator", "demo-operator-secret");
        String fedUrl = urls.get(FED);
        // OC01's supervision: every second, outages begin for some of its customers and those of 3 s ago end
        Map<Integer, Instant> down = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> feed(fedUrl, operator, down, next), 0, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::watch, 0, 100, TimeUnit.MILLISECONDS);

        // enough interventions started and acknowledged for the first round of tests
        int first = RATE * (SETTLING + 4);
        System.out.printf("starting %d interventions over %d PMs%n", first, PMS);
        for (int i = 0; i < first; i++) {
            startIntervention();
            TimeUnit.MILLISECONDS.sleep(1000 / RATE);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        // then at the pace the tests use them up (5 tests each), a quarter more, as long as fewer
        // than two seconds of tests are ready: a slow round trip does not add interventions to the load
        scheduler.scheduleAtFixedRate(() -> {
            if (asking && readyNow() + pending.size() < 2 * RATE) {
                startIntervention();
            }
        }, 0, 1_000_000_000L * MAX_TESTS * 4 / (RATE * 5), TimeUnit.NANOSECONDS);

        System.out.printf("warm-up: %d s at %d tests/s, then %d s measured (settling delay %d s)%n", WARMUP, RATE, SECONDS, SETTLING);
        long begin = System.nanoTime();
        long measureFrom = begin + TimeUnit.SECONDS.toNanos(WARMUP);
        long askUntil = measureFrom + TimeUnit.SECONDS.toNanos(SECONDS);
        double[] cpuBefore = new double[0];
        long[] machineBefore = null;
        var pacer = scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= askUntil) {
                asking = false;
                return;
            }
            measuring = now >= measureFrom;
            Intervention intervention = nextReady();
            if (intervention == null) {
                if (measuring) {
                    missedTicks.incrementAndGet();
                }
                return;
            }
            boolean measured = measuring;
            askers.execute(() -> ask(intervention, measured));
        }, 0, 1_000_000_000L / RATE, TimeUnit.NANOSECONDS);
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        cpuBefore = cpu();
        machineBefore = BenchSupport.machineCpu();
        long wall = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, askUntil - System.nanoTime()));
        double[] cpuAfter = cpu();
        double seconds = (System.nanoTime() - wall) / 1e9;
        String busy = String.format("%.0f%%", Services.busy(machineBefore));
        pacer.cancel(false);
        asking = false;

        // the answers still on their way
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE);
        while (measured().stream().anyMatch(test -> !test.complete()) && System.nanoTime() < patience) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        watch();
        scheduler.shutdownNow();
        askers.shutdownNow();
        report(cpuBefore, cpuAfter, seconds, busy);
    }

    private void feed(String url, String operator, Map<Integer, Instant> down, AtomicInteger next) {
        try {
            Instant now = Instant.now();
            List<String> events = new ArrayList<>();
            for (var restored = down.entrySet().iterator(); restored.hasNext();) {
                Map.Entry<Integer, Instant> outage = restored.next();
                if (Duration.between(outage.getValue(), now).toSeconds() >= 3) {
                    events.add(outage(outage.getKey() % PMS, outage.getKey(), outage.getValue(), now));
                    restored.remove();
                }
            }
            for (int i = 0; i < OUTAGES_PER_SECOND; i++) {
                int customer = next.getAndIncrement() % 2000;
                if (!down.containsKey(customer)) {
                    down.put(customer, now);
                    events.add(outage(customer % PMS, customer, now, null));
                }
            }
            Services.send(http, "POST", url + "/outages", operator, "[" + String.join(",", events) + "]");
        } catch (Exception e) {
            System.out.println("outage feed: " + e.getMessage());
        }
    }

    private void startIntervention() {
        String pm = pms.get(started.getAndIncrement() % PMS);
        String body = "{\"technicianId\":\"TECH-BENCH\",\"codeOi\":\"OI01\",\"pm\":\"" + pm + "\",\"start\":\"" + Instant.now() + "\"}";
        http.sendAsync(request("/interventions", body), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 201) {
                refusedStarts.incrementAndGet();
                refusals.putIfAbsent("start", failure != null ? failure.toString() : response.statusCode() + " " + response.body());
                return;
            }
            String ref = OcReceivers.field(response.body(), "ref");
            pending.put(ref, new Intervention(ref));
        });
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + technicianToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** "Tester les lignes" as the app sends it: the next test's number, the tap's time. */
    private void ask(Intervention intervention, boolean measured) {
        int numero = intervention.tests + 1;
        Instant asked = Instant.now();
        Test test = new Test(intervention, numero, asked, measured);
        tests.put(intervention.ref + "/" + numero, test);
        intervention.tests = numero;
        try {
            HttpResponse<String> response = http.send(request("/interventions/" + intervention.ref + "/line-tests",
                    "{\"numeroTest\":" + numero + ",\"dateTest\":\"" + asked + "\"}"), HttpResponse.BodyHandlers.ofString());
            test.status = response.statusCode();
            if (response.statusCode() != 200) {
                refusedTests.incrementAndGet();
                refusals.putIfAbsent("test", response.statusCode() + " " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            test.status = -1;
            refusedTests.incrementAndGet();
            refusals.putIfAbsent("test", e.toString());
        }
    }

    private Intervention nextReady() {
        synchronized (ready) {
            Intervention head = ready.peek();
            return head != null && !head.readyAt.isAfter(Instant.now()) ? ready.poll() : null;
        }
    }

    private int readyNow() {
        synchronized (ready) {
            Instant now = Instant.now();
            return (int) ready.stream().filter(intervention -> !intervention.readyAt.isAfter(now)).count();
        }
    }

    private void makeReady(Intervention intervention, Instant at) {
        intervention.readyAt = at;
        synchronized (ready) {
            ready.add(intervention);
        }
    }

    private Connection watcher;
    private Instant answersSince = Instant.EPOCH;

    /**
     * Reads where the DO gateway records what the OI answered: the starts acknowledged (the OI's
     * reference known, a test may be asked) and each M6TX received, with its time.
     */
    private synchronized void watch() {
        try {
            if (watcher == null) {
                watcher = DriverManager.getConnection(postgres.jdbcUrl("dogw"), "postgres", "");
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement acknowledged = watcher.prepareStatement("""
                        select i.ref_interv_do from intervention i where i.ref_interv_do = any (?) and exists
                          (select 1 from declaration d where d.intervention_id = i.id and d.ref_interv_oi is not null)""")) {
                    acknowledged.setArray(1, watcher.createArrayOf("varchar", pending.keySet().toArray()));
                    try (ResultSet rows = acknowledged.executeQuery()) {
                        while (rows.next()) {
                            Intervention intervention = pending.remove(rows.getString(1));
                            if (intervention != null) {
                                makeReady(intervention, Instant.now());
                            }
                        }
                    }
                }
            }
            try (PreparedStatement answers = watcher.prepareStatement("""
                    select i.ref_interv_do, a.numero_test, a.code_oc, a.received_at
                    from line_test_answer a join intervention i on i.id = a.intervention_id
                    where a.numero_test > 0 and a.received_at >= ?""")) {
                // an answer recorded just before another one's commit: looked at again
                answers.setObject(1, java.sql.Timestamp.from(answersSince.minusSeconds(10)));
                try (ResultSet rows = answers.executeQuery()) {
                    while (rows.next()) {
                        Instant at = rows.getTimestamp(4).toInstant();
                        answersSince = at.isAfter(answersSince) ? at : answersSince;
                        Test test = tests.get(rows.getString(1) + "/" + rows.getInt(2));
                        if (test != null && test.answers.putIfAbsent(rows.getString(3), at) == null && test.complete()
                                && test.numero < MAX_TESTS && asking) {
                            // the next test once the OI may accept it: a second after this one's, in whole seconds
                            Instant earliest = test.asked.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
                            makeReady(test.intervention, earliest.isAfter(Instant.now()) ? earliest : Instant.now());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            System.out.println("watching the DO gateway's tables: " + e.getMessage());
        }
    }

    private List<Test> measured() {
        return tests.values().stream().filter(test -> test.measured && test.status == 200).toList();
    }

    // --- the results ---

    private double[] cpu() throws IOException {
        List<Double> seconds = new ArrayList<>();
        for (ChildProcess process : processes.values()) {
            seconds.add(process.cpuSeconds());
        }
        seconds.add(postgres.cpuSeconds());
        seconds.add(ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN));
        return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void report(double[] cpuBefore, double[] cpuAfter, double seconds, String busy) throws Exception {
        List<Test> measured = measured();
        List<Test> complete = measured.stream().filter(Test::complete).toList();
        Map<Integer, Long> incomplete = new TreeMap<>();
        measured.stream().filter(test -> !test.complete()).forEach(test -> incomplete.merge(test.answers.size(), 1L, Long::sum));
        results.put("settings", String.format("%d tests/s asked for %d s after %d s of warm-up; OCs' settling delay"
                + " (max-settling-delay) **%d s**; OI's minimum delay between two tests 1 s; %d PMs × 4 OCs; OC01's feed: %d"
                + " outages begin and as many end every second", RATE, SECONDS, WARMUP, SETTLING, PMS, OUTAGES_PER_SECOND));
        results.put("tests asked (measured)", String.format("%,d (%.1f/s); %d refused by the gateway; %d ticks without an"
                + " intervention ready; %,d interventions started (%d refused)", measured.size(), measured.size() / (double) SECONDS,
                refusedTests.get(), missedTicks.get(), started.get(), refusedStarts.get()));
        results.put("tests completed (4 M6TX recorded)", String.format("**%,d of %,d**; never completed within %d s: %d%s",
                complete.size(), measured.size(), PATIENCE, measured.size() - complete.size(),
                incomplete.isEmpty() ? "" : " (by M6TX received: " + incomplete + ")"));
        refusals.forEach((what, answer) -> results.put("first refusal, " + what, answer.length() > 300 ? answer.substring(0, 300) : answer));

        double[] first = millis(complete, test -> test.answers.values().stream().min(Comparator.naturalOrder()).orElseThrow());
        double[] last = millis(complete, test -> test.answers.values().stream().max(Comparator.naturalOrder()).orElseThrow());
        double[] fed = millis(complete, test -> test.answers.get(FED));
        double[] quiet = complete.stream().flatMap(test -> OCS.stream().filter(oc -> !oc.equals(FED))
                .map(oc -> Duration.between(test.asked, test.answers.get(oc)).toNanos() / 1e6)).mapToDouble(Double::doubleValue).toArray();
        results.put("M3TX asked → first M6TX recorded, p50 / p99 / max", figures(first, 0));
        results.put("M3TX asked → last (4th OC's) M6TX recorded, p50 / p99 / max", figures(last, 0));
        results.put(String.format("the same minus the settling delay (%d s), p50 / p99 / max", SETTLING),
                "**" + figures(last, SETTLING * 1000.0) + "**");
        results.put("by OC: OC01 (busy feed: settles within a second), asked → its M6TX, p50 / p99 / max", figures(fed, 0));
        results.put(String.format("by OC: OC02-OC04 (quiet feeds: answer at the settling delay), asked → M6TX minus %d s,"
                + " p50 / p99 / max", SETTLING), figures(quiet, SETTLING * 1000.0));
        hops(complete);
        calls();
        customers();

        List<String> names = new ArrayList<>(processes.keySet());
        names.add("PostgreSQL");
        names.add("benchmark (driver, feed)");
        StringBuilder cores = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            cores.append(String.format("%s%s %.2f", i == 0 ? "" : ", ", names.get(i), (cpuAfter[i] - cpuBefore[i]) / seconds));
        }
        results.put(String.format("cores used during the measured %d s (of %d)", SECONDS, Runtime.getRuntime().availableProcessors()),
                cores + "; machine " + busy + " busy");
        StringBuilder rss = new StringBuilder();
        for (ChildProcess process : processes.values()) {
            rss.append(String.format("%s%s %.0f", rss.isEmpty() ? "" : ", ", process.name, process.rssMb()));
        }
        results.put("RSS at the end, MB", rss.toString());
    }

    private static double[] millis(Collection<Test> tests, java.util.function.Function<Test, Instant> answer) {
        return tests.stream().mapToDouble(test -> Duration.between(test.asked, answer.apply(test)).toNanos() / 1e6).toArray();
    }

    private static String figures(double[] millis, double minus) {
        double[] values = Arrays.stream(millis).map(value -> value - minus).toArray();
        return String.format("%,.0f / %,.0f / %,.0f ms (%,d)", BenchSupport.percentile(values, 50), BenchSupport.percentile(values, 99),
                BenchSupport.percentile(values, 100), values.length);
    }

    /**
     * Where the time went, for each measured test and OC, from the services' own tables (one
     * machine, one clock): the field API's call, the way to the OC (M3TX delivered, the OI's
     * M4TX delivered), the OC's wait (its settling, then its poll for due answers), the way back
     * (M5TX delivered and received by the OI, which queues the M6TX), and the M6TX's delivery.
     */
    private void hops(List<Test> complete) throws Exception {
        Map<String, Instant> queuedAtGateway = new HashMap<>();
        Map<String, String> refOi = new HashMap<>();
        try (Connection dogw = DriverManager.getConnection(postgres.jdbcUrl("dogw"), "postgres", "");
                ResultSet rows = dogw.createStatement().executeQuery("""
                        select i.ref_interv_do, t.numero_test, t.received_at,
                               (select max(d.ref_interv_oi) from declaration d where d.intervention_id = i.id) ref_oi
                        from line_test t join intervention i on i.id = t.intervention_id""")) {
            while (rows.next()) {
                String key = rows.getString(1) + "/" + rows.getInt(2);
                queuedAtGateway.put(key, rows.getTimestamp(3).toInstant());
                refOi.put(rows.getString(1), rows.getString(4));
            }
        }
        // per OC and test (refIntervOI/numero): M4TX received, answer due by, M5TX queued
        Map<String, Instant[]> atOc = new HashMap<>();
        for (String oc : OCS) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(oc.toLowerCase()), "postgres", "");
                    ResultSet rows = connection.createStatement().executeQuery("""
                            select w.ref_interv_oi, t.numero_test, t.received_at, t.answer_by, t.answered_at
                            from line_test t join intervention_window w on w.id = t.window_id where t.answered_at is not null""")) {
                while (rows.next()) {
                    atOc.put(oc + "/" + rows.getString(1) + "/" + rows.getInt(2), new Instant[] {rows.getTimestamp(3).toInstant(),
                            rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant()});
                }
            }
        }
        Map<String, Instant> m6txQueued = new HashMap<>();
        try (Connection oi = DriverManager.getConnection(postgres.jdbcUrl("oi"), "postgres", "");
                ResultSet rows = oi.createStatement().executeQuery("select subject, created_at from delivery_message where kind = 'M6TX'")) {
            while (rows.next()) {
                m6txQueued.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        }
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        for (String hop : List.of("1. field API: asked → M3TX queued by the gateway",
                "2. to the OC: M3TX queued → M4TX received by the OC (M3TX delivered, the OI's M4TX delivered)",
                "3a. OC01 (busy feed): M4TX received → M5TX queued",
                "3b. OC02-OC04 (quiet): M4TX received → M5TX queued, minus the settling delay (the OC's poll for due answers)",
                "4. back to the OI: M5TX queued → M6TX queued by the OI (M5TX delivered and received)",
                "5. to the DO: M6TX queued → recorded by the gateway")) {
            hops.put(hop, new ArrayList<>());
        }
        List<List<Double>> lists = new ArrayList<>(hops.values());
        for (Test test : complete) {
            String ref = test.intervention.ref;
            Instant queued = queuedAtGateway.get(ref + "/" + test.numero);
            lists.get(0).add(between(test.asked, queued));
            for (String oc : OCS) {
                Instant[] ocTimes = atOc.get(oc + "/" + refOi.get(ref) + "/" + test.numero);
                Instant m6tx = m6txQueued.get(refOi.get(ref) + "/" + oc + "/" + test.numero);
                if (queued == null || ocTimes == null || m6tx == null) {
                    continue;
                }
                lists.get(1).add(between(queued, ocTimes[0]));
                if (oc.equals(FED)) {
                    lists.get(2).add(between(ocTimes[0], ocTimes[2]));
                } else {
                    lists.get(3).add(between(ocTimes[0], ocTimes[2]) - SETTLING * 1000.0);
                }
                lists.get(4).add(between(ocTimes[2], m6tx));
                lists.get(5).add(between(m6tx, test.answers.get(oc)));
            }
        }
        hops.forEach((hop, values) -> results.put("hop " + hop + ", p50 / p99 / max",
                figures(values.stream().mapToDouble(Double::doubleValue).toArray(), 0)));
    }

    private static double between(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e6;
    }

    /**
     * The calls of each delivery engine during the run, by kind (M3TX: the gateway's; M4TX, M6TX:
     * the OI's; M5TX: the OCs'): how many and how long each took, the partner's answer included.
     * A partner gets at most {@code max-concurrent-calls} (4) at once from one sender.
     */
    private void calls() throws Exception {
        Map<String, List<String>> senders = new LinkedHashMap<>();
        senders.put("M3TX", List.of("dogw"));
        senders.put("M4TX", List.of("oi"));
        senders.put("M5TX", OCS.stream().map(String::toLowerCase).toList());
        senders.put("M6TX", List.of("oi"));
        for (Map.Entry<String, List<String>> kind : senders.entrySet()) {
            List<Double> durations = new ArrayList<>();
            for (String database : kind.getValue()) {
                try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "");
                        PreparedStatement attempts = connection.prepareStatement("""
                                select a.duration_ms from delivery_attempt a join delivery_message m on m.id = a.message_id
                                where m.kind = ? and a.duration_ms is not null""")) {
                    attempts.setString(1, kind.getKey());
                    try (ResultSet rows = attempts.executeQuery()) {
                        while (rows.next()) {
                            durations.add((double) rows.getInt(1));
                        }
                    }
                }
            }
            results.put(kind.getKey() + " calls (whole run), duration p50 / p99 / max",
                    figures(durations.stream().mapToDouble(Double::doubleValue).toArray(), 0));
        }
    }

    /** How many of OC01's answers told customers down or lines restored (the quiet OCs' tell none). */
    private void customers() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(FED.toLowerCase()), "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery("""
                        select count(*), count(*) filter (where customers_down > 0), coalesce(sum(customers_down), 0),
                               count(*) filter (where lines_restored > 0), coalesce(sum(lines_restored), 0)
                        from line_test where answered_at is not null""")) {
            rows.next();
            results.put("OC01's M5TX (whole run)", String.format("%,d, of which %,d with customers down (%,d customers in all)"
                    + " and %,d with lines restored (%,d)", rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                    rows.getLong(5)));
        }
    }

    /** An intervention of the gateway, and when it may be tested next. */
    private static final class Intervention {
        final String ref;
        volatile int tests;
        volatile Instant readyAt = Instant.EPOCH;

        Intervention(String ref) {
            this.ref = ref;
        }

        Instant readyAt() {
            return readyAt;
        }
    }

    /** A test asked, and when each OC's M6TX was recorded. */
    private static final class Test {
        final Intervention intervention;
        final int numero;
        final Instant asked;
        final boolean measured;
        final Map<String, Instant> answers = new ConcurrentHashMap<>();
        volatile int status;

        Test(Intervention intervention, int numero, Instant asked, boolean measured) {
            this.intervention = intervention;
            this.numero = numero;
            this.asked = asked;
            this.measured = measured;
        }

        boolean complete() {
            return answers.size() == OCS.size();
        }
    }
}
