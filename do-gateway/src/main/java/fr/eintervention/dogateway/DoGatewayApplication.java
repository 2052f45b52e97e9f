package fr.eintervention.dogateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The DO gateway: takes the start and end of a technician's presence on a PM from the field
 * tools, checks them as the OI would, and sends M1/M3 to the OI through the delivery engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DoGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(DoGatewayApplication.class, args);
    }
}
