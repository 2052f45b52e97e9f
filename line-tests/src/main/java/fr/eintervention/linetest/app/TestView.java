package fr.eintervention.linetest.app;

import java.time.Instant;
import java.util.List;

/**
 * One test as the technician sees it.
 *
 * @param numeroTest            {@code null} for the end's answers
 * @param title                 "Test 1" … "Test 5", or "Fin d'intervention"
 * @param askedAt               when the technician asked it ({@code dateTest}), or the end
 * @param summary               the one line to read first, e.g. "aucun client coupé", "en attente de OC02"
 * @param complete              every OC asked has answered or was given up
 * @param otherInterventionOnPm an M6TX said another intervention overlaps on the PM ({@code multiInterventionOI}); the summary says so
 */
public record TestView(Integer numeroTest, String title, Instant askedAt, List<OcView> ocs, String summary,
        boolean complete, boolean otherInterventionOnPm) {

    public TestView {
        ocs = List.copyOf(ocs);
    }
}
