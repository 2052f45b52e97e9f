package fr.eintervention.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the protocol's timestamps in every form docs/explanation/protocol-rules.md accepts and writes them with
 * an explicit offset. A time without offset is read in the configured zone (Europe/Paris).
 */
public final class Timestamps {

    /** The specification's own example: {@code AAAAMMDD HH:MM:SS}. */
    private static final Pattern COMPACT = Pattern.compile("\\d{8} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter COMPACT_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** {@code 2026-11-24 09:15:00}: a space in place of the T. */
    private static final Pattern SPACED = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:.*");

    private final ZoneId zone;

    public Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant the text stands for, or empty when it is not one of the accepted forms. */
    public Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (COMPACT.matcher(value).matches()) {
                return Optional.of(atZone(LocalDateTime.parse(value, COMPACT_FORMAT)));
            }
            if (SPACED.matcher(value).matches()) {
                value = value.substring(0, 10) + 'T' + value.substring(11);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value,
                    ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return Optional.of(zoned.toInstant());
            }
            return Optional.of(atZone((LocalDateTime) parsed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The form we send: ISO 8601 with the zone's offset at that instant. */
    public OffsetDateTime toOffset(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    public String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(toOffset(instant));
    }

    private Instant atZone(LocalDateTime local) {
        // in a DST gap the time moves forward; in an overlap the earlier offset is taken
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
