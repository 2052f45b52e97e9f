package fr.eintervention.oi.intervention;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import fr.eintervention.protocol.Timestamps;

/**
 * Issues {@code Ref_Interv_OI}: readable and unique, e.g. {@code OI01-20261124-7K2M9QXA}
 * (OI code, day, 8 characters): at most 22 characters of {@code [0-9A-Z-]}. The 8 characters
 * are the time of day (to the hundredth of a second) then 16 random bits, so that references
 * issued together sort together: the indexes on them (the intervention's, the outbox's by
 * subject) grow at one end instead of everywhere, and after each checkpoint PostgreSQL copies
 * a few index pages whole into its log rather than one per new reference. Two references
 * issued in the same hundredth of a second are the same once in 65,536: the database's unique
 * constraint has the last word, and the desk draws again.
 */
@Component
class References {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int RANDOM_BITS = 16;

    private final SecureRandom random = new SecureRandom();
    private final ZoneId zone;

    References(Timestamps timestamps) {
        this.zone = timestamps.zone();
    }

    String next(String codeOi, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        long hundredths = local.toLocalTime().toNanoOfDay() / 10_000_000L; // < 2^24
        long value = hundredths << RANDOM_BITS | random.nextInt(1 << RANDOM_BITS); // 40 bits: 8 characters of 5
        StringBuilder reference = new StringBuilder(codeOi).append('-').append(DAY.format(local)).append('-');
        for (int shift = 35; shift >= 0; shift -= 5) {
            reference.append(ALPHABET.charAt((int) (value >>> shift) & 31));
        }
        return reference.toString();
    }
}
