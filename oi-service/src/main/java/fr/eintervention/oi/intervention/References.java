package fr.eintervention.oi.intervention;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import fr.eintervention.protocol.Timestamps;

/**
 * Issues {@code Ref_Interv_OI}: readable and unique, e.g. {@code OI01-20261124-7K2M9QXA}
 * (OI code, day, 8 random characters): at most 22 characters of {@code [0-9A-Z-]}. The database's
 * unique constraint has the last word.
 */
@Component
class References {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SecureRandom random = new SecureRandom();
    private final ZoneId zone;

    References(Timestamps timestamps) {
        this.zone = timestamps.zone();
    }

    String next(String codeOi, Instant now) {
        StringBuilder reference = new StringBuilder(codeOi).append('-').append(DAY.format(now.atZone(zone))).append('-');
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
