package fr.eintervention.oc.referential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.MessageSchema;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.Page;
import fr.eintervention.web.batch.Csv;
import fr.eintervention.web.batch.Faults;

/**
 * The PMs where the OC has customers. Optional: while the list is empty every PM is accepted;
 * once it holds PMs, an M2/M4 for another PM is answered PM_INCONNU. An empty list thus never
 * refuses anything (a purge by mistake does not stop flux 2).
 */
@Component
public class PmReferential {

    static final String COLUMN = "PM";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    PmReferential(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    /** The PM is in the list, or there is no list. */
    public boolean accepts(String pm) {
        return jdbc.sql("select not exists (select 1 from pm) or exists (select 1 from pm where code = :pm)")
                .param("pm", pm).query(Boolean.class).single();
    }

    public Page<String> list(int page, int size) {
        Page.check(page, size);
        List<String> codes = jdbc.sql("select code from pm order by code limit :size offset :offset")
                .param("size", size).param("offset", (long) page * size).query(String.class).list();
        long total = jdbc.sql("select count(*) from pm").query(Long.class).single();
        return new Page<>(codes, page, size, total);
    }

    public void add(String code) {
        check(code).ifPresent(reason -> {
            throw new InvalidInput(COLUMN, reason);
        });
        addAll(List.of(code));
    }

    public boolean remove(String code) {
        return jdbc.sql("delete from pm where code = :code").param("code", code).update() > 0;
    }

    /**
     * Adds the PMs of a CSV file (header {@code PM}, one PM a line); all or nothing. The file is
     * read and checked before the transaction that stores it opens.
     *
     * @return how many PMs the file held
     */
    public int importCsv(String text) {
        Csv.Table table = Csv.read(text, List.of(COLUMN));
        Faults faults = new Faults();
        faults.addAll(table.headerFaults());
        List<String> codes = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            if (row.problem() != null) {
                faults.add(row.fault());
                continue;
            }
            String code = row.values().get(COLUMN);
            check(code).ifPresentOrElse(reason -> faults.add(Fault.atLine(row.line(), COLUMN, reason)),
                    () -> codes.add(code));
        }
        faults.throwIfAny();
        transaction.executeWithoutResult(status -> addAll(codes));
        return codes.size();
    }

    private void addAll(Collection<String> codes) {
        batch.batchUpdate("insert into pm (code) values (?) on conflict do nothing", codes, 1000,
                (statement, code) -> statement.setString(1, code));
    }

    private static Optional<String> check(String code) {
        if (code == null) {
            return Optional.of("PM expected");
        }
        return MessageSchema.REFERENCE.matcher(code).matches() ? Optional.empty()
                : Optional.of("1 to 50 characters of [0-9A-Za-z_-] expected");
    }
}
