package fr.eintervention.linetest;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer whose line went down in a test's window ({@code clientHSOC}).
 *
 * @param pto    {@code refPTO}
 * @param downAt {@code dateChangementEtat}: when the line went down
 */
public record CustomerDown(String pto, Route route, Instant downAt) {

    public CustomerDown {
        Objects.requireNonNull(pto, "pto");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(downAt, "downAt");
    }
}
