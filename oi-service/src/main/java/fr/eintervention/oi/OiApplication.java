package fr.eintervention.oi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The OI service: receives M1/M3, forwards M2/M4 to the OCs present at the PM, receives M5. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OiApplication {

    public static void main(String[] args) {
        SpringApplication.run(OiApplication.class, args);
    }
}
