package fr.eintervention.web.unavailable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Answers 503 with Retry-After, in every service, while its database is unreachable. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(DatabaseUnavailableHandler.class)
public class DatabaseUnavailableAutoConfiguration {
}
