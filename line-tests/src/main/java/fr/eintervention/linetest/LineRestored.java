package fr.eintervention.linetest;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's line that came back in a test's window ({@code ligneClientRetablie}).
 *
 * @param pto  {@code refPTO}
 * @param upAt {@code dateChangementEtat}: when the line came back
 */
public record LineRestored(String pto, Route route, Instant upAt) {

    public LineRestored {
        Objects.requireNonNull(pto, "pto");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(upAt, "upAt");
    }
}
