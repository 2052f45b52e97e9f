package fr.eintervention.oc.impact;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import fr.eintervention.oc.OcProperties;

/** Looks for due M5s every {@code eintervention.oc.flux3.poll-interval}, when the OC takes part in flux 3. */
@Configuration(proxyBeanMethods = false)
class ImpactScheduling implements SchedulingConfigurer {

    private final M5Dispatcher dispatcher;
    private final OcProperties properties;

    ImpactScheduling(M5Dispatcher dispatcher, OcProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.flux3().enabled()) {
            registrar.addFixedDelayTask(dispatcher::sendDue, properties.flux3().pollInterval());
        }
    }
}
