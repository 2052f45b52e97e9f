package fr.eintervention.oc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row, as operators export it: {@code ;} or {@code ,} separated (told
 * by the header), optional double quotes ({@code ""} inside quotes is a quote), a UTF-8 BOM
 * tolerated, blank lines skipped. Columns are matched to the known ones ignoring case. Line
 * numbers are the file's: the header is line 1.
 */
public final class Csv {

    /**
     * One data line: its number and its non-empty cells by (canonical) column name, or what
     * is wrong with its shape ({@code problem}, then no values).
     */
    public record Row(int line, Map<String, String> values, String problem) {

        public InvalidInput.Fault fault() {
            return InvalidInput.Fault.atLine(line, null, problem);
        }
    }

    /** The data rows, in file order, and what was wrong with the header row. */
    public record Table(List<Row> rows, List<InvalidInput.Fault> headerFaults) {
    }

    private Csv() {
    }

    /**
     * @param columns the columns the file may hold, as documented
     */
    public static Table read(String text, List<String> columns) {
        List<InvalidInput.Fault> headerFaults = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        if (lines[0].isBlank()) {
            headerFaults.add(InvalidInput.Fault.atLine(1, null, "header row expected: " + String.join(";", columns)));
            return new Table(List.of(), headerFaults);
        }
        char separator = lines[0].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = header(lines[0], separator, columns, headerFaults);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i], separator);
            if (cells == null) {
                rows.add(new Row(line, Map.of(), "unterminated quote"));
            } else if (cells.size() != header.size()) {
                rows.add(new Row(line, Map.of(), header.size() + " cells expected, " + cells.size() + " found"));
            } else {
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c).trim();
                    if (!value.isEmpty() && header.get(c) != null) {
                        values.put(header.get(c), value);
                    }
                }
                rows.add(new Row(line, values, null));
            }
        }
        return new Table(rows, headerFaults);
    }

    /** The canonical column name of each header cell ({@code null} for a refused one). */
    private static List<String> header(String line, char separator, List<String> columns, List<InvalidInput.Fault> faults) {
        Map<String, String> known = new LinkedHashMap<>();
        columns.forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        List<String> cells = split(line, separator);
        if (cells == null) {
            faults.add(InvalidInput.Fault.atLine(1, null, "unterminated quote"));
            return List.of();
        }
        List<String> header = new ArrayList<>();
        for (String cell : cells) {
            String column = known.get(cell.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                faults.add(InvalidInput.Fault.atLine(1, cell.trim(), "unknown column, expected: " + String.join(";", columns)));
            } else if (header.contains(column)) {
                faults.add(InvalidInput.Fault.atLine(1, column, "duplicate column"));
                column = null;
            }
            header.add(column);
        }
        return header;
    }

    /** The cells of one line, or {@code null} when a quote is not closed. */
    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
