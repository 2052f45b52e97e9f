package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The engine joins a service only when it has both a database and partners to send to. */
class DeliveryConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DeliveryConfiguration.class));

    @Test
    void staysOutOfAServiceWithoutPartnerDirectory() {
        runner.withBean(DataSource.class, SimpleDriverDataSource::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
    }

    @Test
    void staysOutOfAServiceWithoutDatabase() {
        runner.withBean(PartnerDirectory.class, () -> partner -> Optional.empty())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
    }
}
