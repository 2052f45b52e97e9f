package fr.eintervention.security.outbound;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.boot.ssl.SslBundles;

/** The {@link OutboundCredentials} of every service, from {@code eintervention.outbound.<CODE>.auth.*}. */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
public class OutboundCredentialsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundCredentials outboundCredentials(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        return OutboundCredentials.from(environment, sslBundles.getIfAvailable());
    }
}
