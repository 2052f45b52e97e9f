package fr.eintervention.delivery;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import fr.eintervention.delivery.web.DeliveryAdminController;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.ObjectMapper;

/**
 * The delivery engine in a service that has a DataSource and a {@link PartnerDirectory} bean:
 * its table, the {@link Outbox} to queue messages, the engine that sends them,
 * {@link Deliveries} to follow and re-send them, and the admin API. A {@link Clock} bean of the
 * service (or of a test) is used for every time the engine reads or writes.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JacksonAutoConfiguration.class, RestClientAutoConfiguration.class})
@ConditionalOnBean({DataSource.class, PartnerDirectory.class})
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** After the service's own migrations (a database initializer), so that they find the schema as they left it. */
    @Bean
    @DependsOnDatabaseInitialization
    DeliveryQueue deliveryQueue(DataSource dataSource, ObjectMapper mapper) {
        migrate(dataSource);
        return new DeliveryQueue(JdbcClient.create(new JitOffJdbcTemplate(dataSource)), mapper);
    }

    /** @param migrated only for the order: the queue's bean migrates the engine's schema first */
    @Bean
    DeliveryQueries deliveryQueries(DataSource dataSource, DeliveryQueue migrated) {
        return new DeliveryQueries(JdbcClient.create(new JitOffJdbcTemplate(dataSource)));
    }

    @Bean
    Payloads deliveryPayloads(ObjectMapper mapper) {
        return new Payloads(mapper);
    }

    @Bean
    TraceContexts deliveryTraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer.getIfUnique(), propagator.getIfUnique());
    }

    @Bean
    PartnerClient deliveryPartnerClient(ObjectProvider<RestClient.Builder> restClients, DeliveryProperties properties,
            ObjectMapper mapper, TraceContexts traces) {
        return new PartnerClient(restClients.getIfAvailable(RestClient::builder), properties, mapper, traces);
    }

    /** Each partner's circuit breaker, bulkhead and pace: the engine's, and what the partners' health shows of them. */
    @Bean
    PartnerGuards deliveryPartnerGuards(DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        return new PartnerGuards(properties, clock, meters);
    }

    @Bean
    DeliveryEngine deliveryEngine(DeliveryQueue queue, DeliveryQueries queries, PartnerDirectory directory,
            PartnerClient client, PartnerGuards guards, MeterRegistry meters, ObjectProvider<DeliveryListener> listeners,
            DeliveryProperties properties, Clock clock, DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactions) {
        // the service's transaction manager: a listener's writes join the transaction that takes the hand-off
        PlatformTransactionManager transactionManager = transactions.getIfAvailable(
                () -> new DataSourceTransactionManager(dataSource));
        DeliveryMetrics metrics = new DeliveryMetrics(meters);
        OutcomeReporter reporter = new OutcomeReporter(queue, listeners.orderedStream().toList(),
                new TransactionTemplate(transactionManager), properties.batchSize());
        AttemptRecorder recorder = new AttemptRecorder(queue, new AttemptLog(metrics), reporter,
                properties.instanceId(), properties.batchSize(), clock);
        return new DeliveryEngine(queue, queries, directory, guards,
                new AttemptSender(client, metrics), new RetrySchedule(properties.retryDelays()), recorder, reporter,
                metrics, properties, clock);
    }

    @Bean
    Outbox outbox(DeliveryQueue queue, Payloads payloads, Clock clock, DeliveryEngine engine, TraceContexts traces,
            DeliveryProperties properties) {
        return new Outbox(queue, payloads, clock, engine, traces, properties.giveUpAfter());
    }

    @Bean
    Deliveries deliveries(DeliveryQueries queries, Payloads payloads, Clock clock, DeliveryEngine engine,
            ObjectProvider<PayloadRenderer> renderers, DeliveryProperties properties, PartnerGuards guards) {
        return new Deliveries(queries, payloads, clock, engine, renderers.orderedStream().toList(), properties.giveUpAfter(),
                guards);
    }

    /**
     * The engine's own schema history ({@code flyway_history_delivery}), apart from the
     * service's: the two never collide. The service's migrations may have run first, so the
     * schema need not be empty: the history then starts at version 0 and V1 still runs.
     */
    private static void migrate(DataSource dataSource) {
        Flyway.configure(DeliveryConfiguration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/delivery")
                .table("flyway_history_delivery")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(DeliveryAdminController.class)
    static class AdminApi {
    }
}
