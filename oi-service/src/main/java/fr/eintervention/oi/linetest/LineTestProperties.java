package fr.eintervention.oi.linetest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import fr.eintervention.linetest.oi.LineTestRules;

/**
 * The OI's line tests ({@code eintervention.oi.line-tests}).
 *
 * @param minimumDelay          the least time between two tests of an intervention (decision 0031; default 2 minutes)
 * @param answerDeadline        how long an OC has to answer a test before it is given up (decision 0036; default 5 minutes)
 * @param requiredBeforeEnd     refuse an M3 (M3TX_NON_DEMANDE) when no test was asked while a v2 OC is present (decisions 0038, 0080; default false)
 * @param giveUpEvery           how often overdue OCs are given up (default 30 seconds)
 */
@ConfigurationProperties("eintervention.oi.line-tests")
public record LineTestProperties(
        @DefaultValue("2m") Duration minimumDelay,
        @DefaultValue("5m") Duration answerDeadline,
        @DefaultValue("false") boolean requiredBeforeEnd,
        @DefaultValue("30s") Duration giveUpEvery) {

    LineTestRules rules() {
        return new LineTestRules(minimumDelay, answerDeadline, requiredBeforeEnd);
    }
}
