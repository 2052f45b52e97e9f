package fr.eintervention.dogateway.linetest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param answerDeadline the OIs' answer deadline for an OC (decision 0036): past it, the app says
 *                       "pas de réponse de OC02" (default 5 minutes, the OI's default)
 * @param lateAfter      a test that reaches the gateway this long after the tap was asked offline:
 *                       shown as sent late (default 1 minute)
 * @param natureTest     {@code natureTest} sent in M3TX (1 to 10 characters; the contract lists no value)
 */
@ConfigurationProperties("eintervention.do.line-tests")
public record LineTestProperties(
        @DefaultValue("5m") Duration answerDeadline,
        @DefaultValue("1m") Duration lateAfter,
        @DefaultValue("LIGNES") String natureTest) {
}
