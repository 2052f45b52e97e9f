package fr.eintervention.bench.shape;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU went, from a Flight Recorder file: its execution samples attributed to the
 * layer of their innermost frame outside the JDK (the library or our code that was running), and
 * to the kind of thread. Used on the OI's recording, for the latency phase ({@code -Dprofile=true});
 * also runnable on any recording: {@code java -cp ... ProfileSummary file.jfr}.
 */
public final class ProfileSummary {

    /** Layers by package prefix, the first that matches wins. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("PostgreSQL driver and pool", List.of("org.postgresql.", "com.zaxxer."));
        LAYERS.put("JWT checks (Nimbus, Spring Security OAuth2)", List.of("com.nimbusds.", "org.springframework.security.oauth2."));
        LAYERS.put("Spring Security filters", List.of("org.springframework.security."));
        LAYERS.put("tracing and metrics (Micrometer, OpenTelemetry)", List.of("io.micrometer.", "io.opentelemetry.", "io.prometheus."));
        LAYERS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml."));
        LAYERS.put("HTTP server (Tomcat)", List.of("org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote."));
        LAYERS.put("HTTP client (Apache HttpClient)", List.of("org.apache.hc."));
        LAYERS.put("logging (Logback)", List.of("ch.qos.logback.", "org.slf4j."));
        LAYERS.put("Resilience4j", List.of("io.github.resilience4j."));
        LAYERS.put("Spring (MVC, JDBC, transactions, core)", List.of("org.springframework."));
        LAYERS.put("E-Intervention's own code", List.of("fr.eintervention."));
    }

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(summarize(Path.of(args[0]), Instant.MIN, Instant.MAX));
    }

    /** "layer share%, ..." then "threads: kind share%, ...", over the file's execution samples taken in [from, to). */
    static String summarize(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Integer> layers = new LinkedHashMap<>();
        LAYERS.keySet().forEach(layer -> layers.put(layer, 0));
        layers.put("the JDK alone", 0);
        Map<String, Integer> threads = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || !event.getStartTime().isBefore(to)) {
                continue;
            }
            samples++;
            layers.merge(layer(event.getStackTrace()), 1, Integer::sum);
            RecordedThread thread = event.getThread("sampledThread");
            threads.merge(thread == null ? "?" : threadKind(thread.getJavaName()), 1, Integer::sum);
        }
        int total = Math.max(1, samples);
        StringBuilder summary = new StringBuilder();
        layers.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> summary.append(String.format("%s %.0f%%, ", entry.getKey(), 100.0 * entry.getValue() / total)));
        summary.append(String.format("(%,d samples); threads: ", samples));
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> summary.append(String.format("%s %.0f%%, ", entry.getKey(), 100.0 * entry.getValue() / total)));
        return summary.substring(0, summary.length() - 2);
    }

    private static String layer(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")) {
                continue;
            }
            for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                if (layer.getValue().stream().anyMatch(type::startsWith)) {
                    return layer.getKey();
                }
            }
            return "other libraries";
        }
        return "the JDK alone";
    }

    private static String threadKind(String name) {
        if (name.startsWith("http-nio")) {
            return "requests (Tomcat)";
        }
        if (name.startsWith("delivery")) {
            return "delivery engine";
        }
        return "other";
    }
}
