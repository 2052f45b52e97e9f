package fr.eintervention.oi.console.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table exported as CSV (commons-csv; semicolons and a BOM, as French spreadsheets expect).
 * Text cells that a spreadsheet would run as a formula are neutralised: partners' values are
 * stored verbatim and have been seen carrying {@code =HYPERLINK(...)}.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();

    private CsvTable() {
    }

    /** A text cell as a spreadsheet will read it: one starting with = + - @ (or tab, CR) is prefixed with a quote. */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** Numbers are written as they are; text cells neutralised. */
    static String csv(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(cell -> cell instanceof Number ? cell
                        : cell == null ? "" : neutralised(cell.toString())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static ResponseEntity<byte[]> download(String fileName, List<String> header, List<List<Object>> rows) {
        byte[] body = ("\uFEFF" + csv(header, rows)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
