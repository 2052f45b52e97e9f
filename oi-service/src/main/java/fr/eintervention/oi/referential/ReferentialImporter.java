package fr.eintervention.oi.referential;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.oi.referential.ReferentialImport.Content;
import fr.eintervention.oi.referential.ReferentialImport.Mode;
import fr.eintervention.oi.referential.ReferentialImport.Status;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.MessageSchema;
import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.oi.OiProperties;

/**
 * Bulk import of the referential from a CSV file, as a job: the request's body is written to a
 * temporary file (never held in memory, {@link UploadSpool}), then read line by line, each line checked and streamed
 * into a staging table; a file without fault is applied in one transaction, a file with any
 * fault is not applied at all and its faults are reported by line ({@link ImportFaults}). One
 * import at a time.
 */
@Service
public class ReferentialImporter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReferentialImporter.class);

    /** a job's heartbeat; a job silent for {@link #SILENT} was interrupted (its instance stopped) */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration SILENT = Duration.ofMinutes(1);
    /** progress is written every so many lines */
    private static final int PROGRESS_EVERY = 5_000;
    private static final Pattern OC_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Set<String> TRUE = Set.of("true", "oui", "1");
    private static final Set<String> FALSE = Set.of("false", "non", "0", "");
    /** the partners' optional column: the version each speaks */
    private static final String VERSION = "Version";

    private final ReferentialImports imports;
    private final Staging staging;
    private final Referential referential;
    private final TransactionTemplate transaction;
    private final ImportProperties properties;
    private final PartnerAddresses addresses;
    private final List<String> partnerHosts;
    private final Clock clock;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(daemon("referential-import"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("referential-import-heartbeat"));

    ReferentialImporter(ReferentialImports imports, Staging staging, Referential referential,
            TransactionTemplate transaction, ImportProperties properties, PartnerAddresses addresses,
            OiProperties oiProperties, Clock clock) {
        this.imports = imports;
        this.staging = staging;
        this.referential = referential;
        this.transaction = transaction;
        this.properties = properties;
        this.addresses = addresses;
        this.partnerHosts = oiProperties.partnerHosts();
        this.clock = clock;
    }

    /** Why an import was not started. */
    public sealed interface Refusal {
        record AlreadyRunning(long importId) implements Refusal {
        }

        record TooLarge(long maxBytes) implements Refusal {
        }
    }

    /** The job started, or why not. */
    public record Start(Optional<ReferentialImport> job, Optional<Refusal> refusal) {
    }

    /**
     * Takes the file and starts its import; returns at once, the import goes on in the background.
     *
     * @param body          the CSV file, UTF-8 (a byte order mark is skipped)
     * @param contentLength the body's length when known, -1 otherwise
     */
    public Start start(InputStream body, long contentLength, Mode mode) throws IOException {
        Instant now = clock.instant();
        imports.failSilentSince(now.minus(SILENT), now);
        Optional<Long> running = imports.running();
        if (running.isPresent()) {
            return new Start(Optional.empty(), Optional.of(new Refusal.AlreadyRunning(running.get())));
        }
        long max = properties.maxSize().toBytes();
        if (contentLength > max) {
            return new Start(Optional.empty(), Optional.of(new Refusal.TooLarge(max)));
        }
        Optional<UploadSpool.Spooled> spooled = UploadSpool.spool(body, max);
        if (spooled.isEmpty()) {
            return new Start(Optional.empty(), Optional.of(new Refusal.TooLarge(max)));
        }
        Path file = spooled.get().file();
        try {
            Optional<Long> id = imports.create(mode, spooled.get().size(), clock.instant());
            if (id.isEmpty()) {
                Files.deleteIfExists(file);
                return new Start(Optional.empty(), Optional.of(new Refusal.AlreadyRunning(imports.running().orElse(0L))));
            }
            jobs.execute(() -> run(id.get(), file, mode));
            return new Start(find(id.get()), Optional.empty());
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public Optional<ReferentialImport> find(long id) {
        return imports.find(id, properties.maxReportedFaults());
    }

    private void run(long id, Path file, Mode mode) {
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> {
            try {
                imports.heartbeat(id, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Referential import {}: heartbeat not written: {}", id, e.toString());
            }
        }, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        try {
            Job job = new Job(id, mode);
            job.run(file);
        } catch (Exception e) {
            log.error("Referential import {} failed", id, e);
            imports.finished(id, Status.FAILED, "the import could not be completed (" + e.getClass().getSimpleName()
                    + "); nothing was applied; see the service's log", clock.instant());
        } finally {
            heartbeat.cancel(false);
            try {
                staging.clear(id);
            } catch (RuntimeException e) {
                log.warn("Referential import {}: staging not cleared: {}", id, e.toString());
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Referential import {}: {} not deleted", id, file);
            }
        }
    }

    @Override
    public void destroy() {
        jobs.shutdownNow();
        heartbeats.shutdownNow();
    }

    /** One run of an import. */
    private final class Job {

        private final long id;
        private final Mode mode;
        private final ImportFaults faults;
        private long linesRead = 1;
        private Counting counting;
        private int headerSize;

        Job(long id, Mode mode) {
            this.id = id;
            this.mode = mode;
            this.faults = new ImportFaults(id, imports, properties.maxReportedFaults());
        }

        void run(Path file) throws Exception {
            imports.progress(id, Status.VALIDATING, 0, 0, 0);
            Content content;
            try (Counting in = new Counting(Files.newInputStream(file));
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024)) {
                counting = in;
                skipByteOrderMark(reader);
                content = read(reader);
            }
            if (content == null) {
                reject();
                return;
            }
            staging.analyze(content);
            List<Fault> duplicates = staging.duplicates(id, content, properties.maxReportedFaults());
            long duplicateCount = staging.duplicateCount(id, content);
            if (duplicateCount > 0) {
                duplicates.forEach(this::fault);
                faults.countMore(duplicateCount - duplicates.size());
            }
            if (faults.count() == 0 && staging.count(id, content) == 0) {
                fault(Fault.atLine(1, "file", "no line after the header: nothing to import"));
            }
            if (faults.count() > 0) {
                reject();
                return;
            }
            imports.progress(id, Status.APPLYING, counting.count, linesRead, 0);
            int[] counts = transaction.execute(status -> {
                int[] changes = staging.changes(id, content);
                int retired = 0;
                if (content == Content.PMS) {
                    staging.applyPms(id);
                    if (mode == Mode.REPLACE) {
                        retired = staging.retireAbsentPms(id, clock.instant());
                    }
                } else {
                    staging.applyPartners(id);
                }
                return new int[] {changes[0], changes[1], retired};
            });
            imports.applied(id, counts[0], counts[1], counts[2], clock.instant());
            log.info("Referential import {} applied: {} {} lines, {} added, {} updated, {} retired", id,
                    content, linesRead - 1, counts[0], counts[1], counts[2]);
        }

        private void reject() {
            flushFaults();
            imports.progress(id, Status.VALIDATING, counting == null ? 0 : counting.count, linesRead, faults.count());
            imports.finished(id, Status.REJECTED, null, clock.instant());
            log.info("Referential import {} rejected: {} faults, nothing applied", id, faults.count());
        }

        /** Reads, checks and stages the lines; the content, null when the header is not one we know. */
        private Content read(BufferedReader reader) throws Exception {
            reader.mark(64 * 1024);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine == null) {
                fault(Fault.atLine(1, "file", "empty file"));
                return null;
            }
            char delimiter = firstLine.indexOf(';') >= 0 ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                    .get();
            try (CSVParser parser = format.parse(reader)) {
                headerSize = parser.getHeaderNames().size();
                Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                columns.addAll(parser.getHeaderNames());
                Content content;
                if (columns.containsAll(List.of("PM", "Code_OI", "OC"))) {
                    content = Content.PMS;
                } else if (columns.containsAll(List.of("Code", "Nom", "URL", "Flux3"))) {
                    content = Content.PARTNERS;
                } else {
                    fault(Fault.atLine(1, "header", "expected the columns PM;Code_OI;OC (PMs) or Code;Nom;URL;Flux3[;Version] (partners)"));
                    return null;
                }
                imports.content(id, content);
                Set<String> partners = content == Content.PMS
                        ? new TreeSet<>(referential.partners().stream().map(Partner::code).toList()) : Set.of();
                try (Staging.Writer writer = staging.writer(id, content)) {
                    try {
                        for (CSVRecord record : parser) {
                            linesRead = parser.getCurrentLineNumber();
                            if (content == Content.PMS) {
                                pm(record, partners, writer);
                            } else {
                                partner(record, writer);
                            }
                            if (record.getRecordNumber() % PROGRESS_EVERY == 0) {
                                flushFaults();
                                imports.progress(id, Status.VALIDATING, counting.count, linesRead, faults.count());
                            }
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        // commons-csv: a quote never closed, a character not UTF-8...
                        fault(Fault.atLine(parser.getCurrentLineNumber(), "file", "unreadable from here: " + rootMessage(e)));
                    }
                    linesRead = Math.max(linesRead, parser.getCurrentLineNumber());
                    writer.end();
                }
                return content;
            } catch (IllegalArgumentException e) {
                // commons-csv: a header with a duplicate or empty column name
                fault(Fault.atLine(1, "header", rootMessage(e)));
                return null;
            }
        }

        private void pm(CSVRecord record, Set<String> partners, Staging.Writer writer) throws Exception {
            long line = linesRead;
            if (!record.isConsistent()) {
                fault(Fault.atLine(line, "line", record.size() + " fields where the header has " + headerSize));
                return;
            }
            String pm = record.get("PM");
            String codeOi = record.get("Code_OI");
            boolean valid = true;
            if (!MessageSchema.REFERENCE.matcher(pm).matches()) {
                valid = fault(Fault.atLine(line, "PM", pm.isEmpty() ? "missing" : "not a PM code (1 to 50 of A-Z a-z 0-9 _ -)"));
            }
            if (!MessageSchema.OPERATOR_CODE.matcher(codeOi).matches()) {
                valid = fault(Fault.atLine(line, "Code_OI", codeOi.isEmpty() ? "missing" : "not an operator code (4 of A-Z 0-9)"));
            } else if (!referential.isOwnCode(codeOi)) {
                valid = fault(Fault.atLine(line, "Code_OI", codeOi + " is not one of this OI's codes (eintervention.oi.codes)"));
            }
            TreeSet<String> ocs = new TreeSet<>();
            String field = record.get("OC");
            if (!field.isEmpty()) {
                for (String oc : OC_SEPARATOR.split(field)) {
                    if (!MessageSchema.OPERATOR_CODE.matcher(oc).matches()) {
                        valid = fault(Fault.atLine(line, "OC", "'" + oc + "' is not an operator code (4 of A-Z 0-9; several separated by |)"));
                    } else if (!partners.contains(oc)) {
                        valid = fault(Fault.atLine(line, "OC", oc + " is not a partner of the referential: import or declare it first"));
                    } else if (!ocs.add(oc)) {
                        valid = fault(Fault.atLine(line, "OC", oc + " appears twice"));
                    }
                }
            }
            if (valid) {
                writer.pm(line, pm, codeOi, List.copyOf(ocs));
            }
        }

        private void partner(CSVRecord record, Staging.Writer writer) throws Exception {
            long line = linesRead;
            if (!record.isConsistent()) {
                fault(Fault.atLine(line, "line", record.size() + " fields where the header has " + headerSize));
                return;
            }
            String code = record.get("Code");
            String name = record.get("Nom");
            String url = record.get("URL");
            String flux3 = record.get("Flux3").toLowerCase(Locale.ROOT);
            // optional: without the column (or left empty) the partner keeps its version (v1 for a new one)
            String version = record.isMapped(VERSION) ? record.get(VERSION).toLowerCase(Locale.ROOT) : "";
            boolean valid = true;
            if (!MessageSchema.OPERATOR_CODE.matcher(code).matches()) {
                valid = fault(Fault.atLine(line, "Code", code.isEmpty() ? "missing" : "not an operator code (4 of A-Z 0-9)"));
            }
            if (name.isEmpty() || name.length() > 100) {
                valid = fault(Fault.atLine(line, "Nom", name.isEmpty() ? "missing" : "longer than 100 characters"));
            }
            if (!url.isEmpty()) {
                Optional<String> urlFault = url.length() > 500 ? Optional.of("at most 500 characters")
                        : addresses.check(url, partnerHosts);
                if (urlFault.isPresent()) {
                    valid = fault(Fault.atLine(line, "URL", urlFault.get()));
                }
            }
            if (!TRUE.contains(flux3) && !FALSE.contains(flux3)) {
                valid = fault(Fault.atLine(line, "Flux3", "expected true or false"));
            }
            if (!version.isEmpty() && !Partner.VERSIONS.contains(version)) {
                valid = fault(Fault.atLine(line, VERSION, "expected v1 or v2"));
            }
            if (valid) {
                writer.partner(line, code, name, url.isEmpty() ? null : url, TRUE.contains(flux3),
                        version.isEmpty() ? null : version);
            }
        }

        /** Records a fault; always false (the line is not valid). */
        private boolean fault(Fault fault) {
            faults.add(fault);
            return false;
        }

        private void flushFaults() {
            faults.flush();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Counts the bytes read: the job's progress. */
    private static final class Counting extends FilterInputStream {

        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

}
