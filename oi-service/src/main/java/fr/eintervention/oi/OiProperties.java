package fr.eintervention.oi;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param codes              the OI's own operator codes; an M1/M3 whose Code_OI is not one of them
 *                           is answered CODE_OI_INCONNU (env {@code OI_CODES}, comma separated)
 * @param lateStartThreshold an M1 received more than this after its Debut_Inter is flagged
 *                           {@code late_start} (default 30 minutes)
 * @param m5                 optional stricter checks on M5, off by default
 * @param retention          how long interventions and what came with them are kept (default
 *                           400 days; the spec leaves retention to each operator)
 * @param purgeCron          when the retention purge runs (default every night at 03:30)
 * @param maxM5Size          the largest M5 body the OI takes (default 4MB), checked once the
 *                           caller is authorized: the largest legitimate M5, every customer of a
 *                           5,000-line PM down at once with every field at its contract maximum,
 *                           is about 2.4MB (docs/reference/bad-input.md); every other request is
 *                           bounded by {@code eintervention.security.max-body-size} (256KB)
 * @param partnerHosts       when set, the only hosts a partner's base URL may name (an allow-list
 *                           against a referential entry pointing the OI at an internal address);
 *                           empty (default): any host, http or https only
 */
@ConfigurationProperties("eintervention.oi")
public record OiProperties(
        Set<String> codes,
        @DefaultValue("30m") Duration lateStartThreshold,
        @DefaultValue M5Checks m5,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        @DefaultValue("4MB") DataSize maxM5Size,
        List<String> partnerHosts) {

    public OiProperties {
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        partnerHosts = partnerHosts == null ? List.of() : List.copyOf(partnerHosts);
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
