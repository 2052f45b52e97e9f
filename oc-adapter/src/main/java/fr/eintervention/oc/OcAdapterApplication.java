package fr.eintervention.oc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The OC adapter: receives M2/M4 from the OIs, learns the OC's customer outages, and, when the
 * OC takes part in flux 3, sends M5 with the customers that went down during an intervention.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OcAdapterApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcAdapterApplication.class, args);
    }
}
