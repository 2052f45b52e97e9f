package fr.eintervention.oi;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codes               the OI's own operator codes; an M1/M3 whose Code_OI is not one of them
 *                            is answered CODE_OI_INCONNU (env {@code OI_CODES}, comma separated)
 * @param lateStartThreshold  an M1 received more than this after its Debut_Inter is flagged
 *                            {@code late_start} (default 30 minutes)
 */
@ConfigurationProperties("eintervention.oi")
public record OiProperties(Set<String> codes, @DefaultValue("30m") Duration lateStartThreshold) {

    public OiProperties {
        codes = codes == null ? Set.of() : Set.copyOf(codes);
    }
}
