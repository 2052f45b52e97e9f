package fr.eintervention.oc.linetest;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import fr.eintervention.oc.OcProperties;

/** Looks for due line-test answers every {@code eintervention.oc.line-tests.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class LineTestScheduling implements SchedulingConfigurer {

    private final LineTestAnswers answers;
    private final OcProperties properties;

    LineTestScheduling(LineTestAnswers answers, OcProperties properties) {
        this.answers = answers;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(answers::sendDue, properties.lineTests().pollInterval());
    }
}
