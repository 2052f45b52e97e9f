package fr.eintervention.bench.shape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM of its own (a service, the receivers, the load generator), its output in a log file. */
final class ChildProcess implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code java [jvmOptions] -jar jar arguments} or {@code java [jvmOptions] -cp classpath mainClass arguments}. */
    static ChildProcess start(String name, Path logs, List<String> jvmOptions, List<String> launch, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log);
    }

    static List<String> main(Class<?> mainClass, String... arguments) {
        List<String> launch = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        launch.addAll(List.of(arguments));
        return launch;
    }

    /** Waits for a line of the log that starts with the prefix, and returns it. */
    String awaitLine(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped: see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(name + " printed no " + prefix + " in " + timeout + ": see " + log);
    }

    /** Waits until {@code url} answers 200 (a service's health). */
    void awaitUp(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped: see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " not up in " + timeout + ": see " + log);
    }

    /** Waits for the process to end by itself. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not end in " + timeout);
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The heap in use after a full collection, in MB (jcmd GC.run, then GC.heap_info). */
    double heapAfterFullGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /** The resident set size, in MB. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** CPU seconds this process has used so far (user and system). */
    double cpuSeconds() throws IOException {
        String[] stat = stat(Path.of("/proc", Long.toString(process.pid())));
        return stat == null ? Double.NaN : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command name (so index 1 is the parent's
     * pid, 11 and 12 user and system ticks, 13 and 14 those of ended children), or null if gone.
     */
    static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs a diagnostic command in this JVM ({@code jcmd <pid> command arguments...}) and returns its output. */
    String jcmd(String... command) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        commandLine.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> output.append(line).append('\n'));
        }
        jcmd.waitFor();
        return output.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
