package fr.eintervention.oi;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codes              the OI's own operator codes; an M1/M3 whose Code_OI is not one of them
 *                           is answered CODE_OI_INCONNU (env {@code OI_CODES}, comma separated)
 * @param lateStartThreshold an M1 received more than this after its Debut_Inter is flagged
 *                           {@code late_start} (default 30 minutes)
 * @param m5                 optional stricter checks on M5, off by default
 * @param retention          how long interventions and what came with them are kept (default
 *                           400 days; the spec leaves retention to each operator)
 * @param purgeCron          when the retention purge runs (default every night at 03:30)
 */
@ConfigurationProperties("eintervention.oi")
public record OiProperties(
        Set<String> codes,
        @DefaultValue("30m") Duration lateStartThreshold,
        @DefaultValue M5Checks m5,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("0 30 3 * * *") String purgeCron) {

    public OiProperties {
        codes = codes == null ? Set.of() : Set.copyOf(codes);
    }

    /**
     * @param requireRecipient    refuse an M5 from an OC the intervention was not sent to
     *                            (REF_INTERV_OI_INCONNUE: for that OC the reference does not exist)
     * @param requireKnownPartner refuse an M5 whose Code_OC_impacte is not a partner of the
     *                            referential (MAUVAIS_FORMAT: the contract has no CODE_OC_INCONNU)
     */
    public record M5Checks(@DefaultValue("false") boolean requireRecipient,
            @DefaultValue("false") boolean requireKnownPartner) {
    }
}
