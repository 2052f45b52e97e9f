package fr.eintervention.delivery.testapp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import fr.eintervention.testsupport.MovableClock;

/**
 * A service using the delivery engine, for the tests: partners are stubs over real HTTP, the
 * clock can be moved, outcomes are recorded.
 */
@SpringBootApplication
public class DeliveryTestApplication {

    @Bean
    MovableClock clock() {
        return MovableClock.ticking();
    }

    @Bean
    TestPartners partners() {
        return new TestPartners();
    }

    @Bean
    RecordingListener outcomes() {
        return new RecordingListener();
    }

    @Bean
    TestRenderer renderer() {
        return new TestRenderer();
    }

    /** metrics readable in tests (test contexts otherwise get a no-op registry) */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
