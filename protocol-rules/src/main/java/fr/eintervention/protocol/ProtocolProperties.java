package fr.eintervention.protocol;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the zone in which a timestamp without offset is read, and in which timestamps are
 *             sent (default {@code Europe/Paris}, the protocol's reference time)
 */
@ConfigurationProperties("eintervention.protocol")
public record ProtocolProperties(@DefaultValue("Europe/Paris") ZoneId zone) {
}
