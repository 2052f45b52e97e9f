package fr.eintervention.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import fr.eintervention.protocol.Timestamps;

/**
 * A query parameter that names an instant: a timestamp in one of the protocol's accepted forms,
 * or a day alone ({@code 2026-11-24}), which means its start in the protocol's zone.
 */
public final class InstantParameter {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private InstantParameter() {
    }

    /**
     * @param name  the parameter, as the client named it
     * @return the instant, or null when the parameter was not given
     * @throws InvalidInput naming the parameter when it is neither a timestamp nor a day
     */
    public static Instant parse(String name, String value, Timestamps timestamps) {
        if (value == null) {
            return null;
        }
        if (DAY.matcher(value).matches()) {
            try {
                return LocalDate.parse(value).atStartOfDay(timestamps.zone()).toInstant();
            } catch (DateTimeException e) {
                throw new InvalidInput(name, "invalid date");
            }
        }
        return timestamps.parse(value).orElseThrow(() -> new InvalidInput(name, "ISO 8601 timestamp expected"));
    }
}
