package fr.eintervention.web.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.eintervention.protocol.Fault;

/**
 * A CSV file with a header row, as operators export it (RFC 4180, read by Apache Commons CSV):
 * {@code ;} or {@code ,} separated (told by the header), optional double quotes ({@code ""}
 * inside quotes is a quote; a quoted cell may hold line breaks), a UTF-8 BOM tolerated, blank
 * lines skipped. Columns are matched to the known ones ignoring case. Line numbers are the
 * file's, where a row starts: the header is line 1.
 */
public final class Csv {

    /**
     * One data line: its number and its non-empty cells by (canonical) column name, or what
     * is wrong with its shape ({@code problem}, then no values).
     */
    public record Row(int line, Map<String, String> values, String problem) {

        public Fault fault() {
            return Fault.atLine(line, null, problem);
        }
    }

    /** The data rows, in file order, and what was wrong with the header row. */
    public record Table(List<Row> rows, List<Fault> headerFaults) {
    }

    private Csv() {
    }

    /**
     * @param columns the columns the file may hold, as documented
     */
    public static Table read(String text, List<String> columns) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Fault> headerFaults = new ArrayList<>();
        int firstBreak = content.indexOf('\n');
        String firstLine = firstBreak < 0 ? content : content.substring(0, firstBreak);
        if (firstLine.isBlank()) {
            headerFaults.add(Fault.atLine(1, null, "header row expected: " + String.join(";", columns)));
            return new Table(List.of(), headerFaults);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(firstLine.indexOf(';') >= 0 ? ';' : ',')
                .setIgnoreEmptyLines(true)
                .get();
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        Lines lines = new Lines(content);
        try (CSVParser parser = CSVParser.parse(content, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long linesRead = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // a quote never closed, or text after a closing quote: the parser cannot go on
                    int line = (int) linesRead + 1;
                    String problem = "unreadable from here: " + reason(e);
                    if (header == null) {
                        headerFaults.add(Fault.atLine(line, null, problem));
                    } else {
                        rows.add(new Row(line, Map.of(), problem));
                    }
                    break;
                }
                if (header == null) {
                    header = header(record, columns, headerFaults);
                    continue;
                }
                int line = lines.at(record.getCharacterPosition());
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of spaces
                }
                if (record.size() != header.size()) {
                    rows.add(new Row(line, Map.of(), header.size() + " cells expected, " + record.size() + " found"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c).trim();
                    if (!value.isEmpty() && header.get(c) != null) {
                        values.put(header.get(c), value);
                    }
                }
                rows.add(new Row(line, values, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String
        }
        return new Table(rows, headerFaults);
    }

    /**
     * The file's line numbers (from 1) of increasing character positions, counted from where the
     * last one was: the whole file is read once, however many records it holds.
     */
    private static final class Lines {

        private final String content;
        private int position;
        private int line = 1;

        Lines(String content) {
            this.content = content;
        }

        int at(long target) {
            int end = (int) Math.min(target, content.length());
            for (; position < end; position++) {
                if (content.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static String reason(UncheckedIOException e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quote";
        }
        if (message != null && message.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote";
        }
        return "invalid CSV";
    }

    /** The canonical column name of each header cell ({@code null} for a refused one). */
    private static List<String> header(CSVRecord cells, List<String> columns, List<Fault> faults) {
        Map<String, String> known = new LinkedHashMap<>();
        columns.forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        List<String> header = new ArrayList<>();
        for (String cell : cells) {
            String column = known.get(cell.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                faults.add(Fault.atLine(1, cell.trim(), "unknown column, expected: " + String.join(";", columns)));
            } else if (header.contains(column)) {
                faults.add(Fault.atLine(1, column, "duplicate column"));
                column = null;
            }
            header.add(column);
        }
        return header;
    }
}
