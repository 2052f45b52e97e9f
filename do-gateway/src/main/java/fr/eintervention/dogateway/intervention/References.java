package fr.eintervention.dogateway.intervention;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.protocol.Timestamps;

/**
 * Issues {@code Ref_Interv_DO}, one per presence period: readable and unique, e.g.
 * {@code DO01-20261124-7K2M9QXA} (DO code, day of the start, 8 random characters): 22 characters
 * of {@code [0-9A-Z-]}. The database's unique constraint has the last word.
 */
@Component
class References {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SecureRandom random = new SecureRandom();
    private final String codeDo;
    private final ZoneId zone;

    References(DoGatewayProperties properties, Timestamps timestamps) {
        this.codeDo = properties.code();
        this.zone = timestamps.zone();
    }

    String next(Instant start) {
        StringBuilder reference = new StringBuilder(codeDo).append('-').append(DAY.format(start.atZone(zone))).append('-');
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
