package fr.eintervention.dogateway.referential;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.dogateway.referential.OiDirectory;
import fr.eintervention.protocol.Fault;
import fr.eintervention.web.InvalidInput;

/**
 * The DO's own list of the PMs it works on, per OI: what the technicians' tools suggest (and keep
 * for offline use). A suggestion only: any PM may be declared, the OI's referential decides. A
 * list is read and checked whole before the transaction that replaces the stored one opens.
 */
@Repository
public class PmList {

    /** A regulatory PM reference as the contract allows it in M1/M3: up to 50 of [0-9A-Za-z_-]. */
    private static final Pattern PM = Pattern.compile("[0-9A-Za-z_-]{1,50}");
    private static final int MAX_LABEL = 200;
    private static final int MAX_ENTRIES = 100_000;

    private static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final OiDirectory ois;
    private final Clock clock;

    PmList(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, OiDirectory ois, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.ois = ois;
        this.clock = clock;
    }

    /** The PMs of that OI, by reference. */
    public List<PmEntry> of(String codeOi) {
        knownOi(codeOi);
        return jdbc.sql("select pm, label from pm_list where code_oi = :oi order by pm")
                .param("oi", codeOi.toUpperCase(Locale.ROOT))
                .query((rs, n) -> new PmEntry(rs.getString("pm"), rs.getString("label"))).list();
    }

    /**
     * Replaces the list of that OI by a CSV one: a line per PM, {@code pm[,label]}, an optional header
     * line {@code pm,label}. Every line at fault is named, and nothing is stored then.
     *
     * @return how many PMs the OI now has
     */
    public int replaceFromCsv(String codeOi, Reader csv) {
        List<PmEntry> entries = new ArrayList<>();
        List<Fault> errors = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true)
                    .setCommentMarker('#').get().parse(csv)) {
                String pm = record.get(0);
                if (record.getRecordNumber() == 1 && pm.equalsIgnoreCase("pm")) {
                    continue;
                }
                entries.add(new PmEntry(pm, record.size() > 1 && !record.get(1).isBlank() ? record.get(1) : null));
                check(errors, "line " + record.getRecordNumber(), entries.get(entries.size() - 1));
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new InvalidInput("csv", "not readable as CSV: " + e.getMessage());
        }
        return replace(codeOi, entries, errors);
    }

    /** The same from a JSON list of {@code {"pm":..,"label":..}}. */
    public int replace(String codeOi, List<PmEntry> list) {
        List<Fault> errors = new ArrayList<>();
        List<PmEntry> entries = list == null ? List.of() : list;
        for (int i = 0; i < entries.size(); i++) {
            check(errors, "[" + i + "]", entries.get(i));
        }
        return replace(codeOi, entries, errors);
    }

    private int replace(String codeOi, List<PmEntry> entries, List<Fault> errors) {
        knownOi(codeOi);
        if (entries.size() > MAX_ENTRIES) {
            errors.add(0, Fault.of("pms", MAX_ENTRIES + " PMs max per OI"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.size() > 50 ? errors.subList(0, 50) : errors);
        }
        String oi = codeOi.toUpperCase(Locale.ROOT);
        Map<String, PmEntry> byPm = new LinkedHashMap<>();
        entries.forEach(entry -> byPm.put(entry.pm(), entry)); // a PM listed twice: the last line wins
        Timestamp now = Timestamp.from(Instant.now(clock));
        transaction.executeWithoutResult(status -> {
            // one replacement of an OI's list at a time: two at once would each delete the stored list, then
            // the second's insert would meet the first's lines
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "pm_list " + oi).query().singleRow();
            jdbc.sql("delete from pm_list where code_oi = :oi").param("oi", oi).update();
            batch.batchUpdate("insert into pm_list (code_oi, pm, label, updated_at) values (?, ?, ?, ?)",
                    List.copyOf(byPm.values()), BATCH_SIZE, (statement, entry) -> {
                        statement.setString(1, oi);
                        statement.setString(2, entry.pm());
                        statement.setString(3, entry.label());
                        statement.setTimestamp(4, now);
                    });
        });
        return byPm.size();
    }

    private static void check(List<Fault> errors, String where, PmEntry entry) {
        if (entry == null || entry.pm() == null || entry.pm().isBlank()) {
            errors.add(Fault.of(where, "pm required"));
        } else if (!PM.matcher(entry.pm()).matches()) {
            errors.add(Fault.of(where, "pm must be 1 to 50 of [0-9A-Za-z_-]: " + abbreviate(entry.pm())));
        } else if (entry.label() != null && entry.label().length() > MAX_LABEL) {
            errors.add(Fault.of(where, "label: " + MAX_LABEL + " characters max"));
        }
    }

    private void knownOi(String codeOi) {
        if (codeOi == null || !ois.knows(codeOi.toUpperCase(Locale.ROOT))) {
            throw new InvalidInput("oi", "not an OI of this DO (see GET /ois): " + abbreviate(String.valueOf(codeOi)));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
