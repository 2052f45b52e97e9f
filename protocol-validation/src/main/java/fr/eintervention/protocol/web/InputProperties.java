package fr.eintervention.protocol.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request may take to send its body ({@code eintervention.input.*}).
 *
 * @param bodyReadTimeout a body not fully received within this time, from the moment the service
 *                        starts reading it, is refused with 408 and the connection closed
 *                        (default 10s; an M1 of 2KB takes milliseconds, a 32MB outage batch about
 *                        3 s at 100 Mbit/s)
 */
@ConfigurationProperties("eintervention.input")
record InputProperties(@DefaultValue("10s") Duration bodyReadTimeout) {
}
