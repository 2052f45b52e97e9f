package fr.eintervention.oi.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV exports: cells a spreadsheet would run as a formula are neutralised, numbers stay numbers. */
class CsvTableTest {

    @Test
    void formulaCellsArePrefixedWithAQuote() {
        assertThat(CsvTable.neutralised("=HYPERLINK(\"https://evil.example\")")).isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        assertThat(CsvTable.neutralised("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(CsvTable.neutralised("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvTable.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvTable.neutralised("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvTable.neutralised("FI-35238-0001")).isEqualTo("FI-35238-0001");
        assertThat(CsvTable.neutralised("")).isEmpty();
    }

    @Test
    void rowsAreSemicolonSeparatedWithTextNeutralisedAndNumbersAsTheyAre() {
        String csv = CsvTable.csv(List.of("PM", "Interventions", "Taux"),
                List.of(List.of("=1+1", 3L, 0.25), List.of("PM;1", -2L, 1.0)));

        assertThat(csv).isEqualTo("PM;Interventions;Taux\r\n'=1+1;3;0.25\r\n\"PM;1\";-2;1.0\r\n");
    }
}
