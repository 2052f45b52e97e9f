package fr.eintervention.oc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.protocol.v1.MessageSchema;

/**
 * @param code     the OC's own operator code, sent as {@code Code_OC_impacte} in M5 (env {@code OC_CODE})
 * @param partners the OIs the OC works with, by operator code, and where each receives M5
 *                 ({@code eintervention.oc.partners.OI01.base-url=https://oi.example.com}); an M2/M4
 *                 whose {@code Code_OI} is not listed is answered CODE_OI_INCONNU
 * @param flux3    whether and when M5 is sent
 * @param outages  limits of the outage feed
 * @param retention how long interventions, outages and what came with them are kept (default
 *                  400 days; the spec leaves retention to each operator)
 * @param purgeCron when the retention purge runs (default every night at 03:30, in the protocol's zone)
 */
@ConfigurationProperties("eintervention.oc")
public record OcProperties(
        String code,
        Map<String, Partner> partners,
        @DefaultValue Flux3 flux3,
        @DefaultValue Outages outages,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("0 30 3 * * *") String purgeCron) {

    public OcProperties {
        if (code == null || !MessageSchema.OPERATOR_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "eintervention.oc.code must be the OC's operator code, 4 characters of [0-9A-Z]: " + code);
        }
        // environment variables bind map keys in lower case (EINTERVENTION_OC_PARTNERS_OI01_BASEURL)
        Map<String, Partner> byCode = new TreeMap<>();
        if (partners != null) {
            partners.forEach((oiCode, partner) -> byCode.put(oiCode.toUpperCase(Locale.ROOT), partner));
        }
        partners = Map.copyOf(byCode);
    }

    /** @param baseUrl where the OI exposes the protocol, {@code /v1/client_HS_OC_Par_Inter} being appended */
    public record Partner(String baseUrl) {

        public Partner {
            Optional<String> fault = baseUrl == null || baseUrl.isBlank() ? Optional.empty()
                    : PartnerEndpoint.checkBaseUrl(baseUrl, List.of());
            fault.ifPresent(reason -> {
                throw new IllegalStateException("eintervention.oc.partners.*.base-url " + baseUrl + ": " + reason);
            });
        }
    }

    /**
     * Flux 3 is optional: an OC that does not take part never sends M5.
     *
     * @param enabled           the OC takes part in flux 3 (default false; true in the demo profile)
     * @param settlingDelay     how long after M4 the M5 waits, so that the outage alarms of the
     *                          intervention's last minutes can arrive (default 15 minutes)
     * @param deadlineMargin    the M5 is due at the latest this long before midnight (Europe/Paris)
     *                          of the intervention's end day: the spec wants it the same day (default 5 minutes)
     * @param pollInterval      how often due M5s are looked for (default 30 seconds)
     * @param excludeTerminated leave terminated customers out of M5, as the spec allows (default true)
     * @param maxM5Size         the largest M5 the adapter builds: the OI's limit for M5 (default 4MB,
     *                          the OI service's {@code eintervention.oi.max-m5-size}); a larger one is
     *                          never built nor queued: the intervention's M5 is FAILED with the reason
     */
    public record Flux3(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("15m") Duration settlingDelay,
            @DefaultValue("5m") Duration deadlineMargin,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("true") boolean excludeTerminated,
            @DefaultValue("4MB") DataSize maxM5Size) {
    }

    /**
     * @param maxBatch    the most events one request (JSON or CSV) may carry (default 100,000)
     * @param maxBodySize the largest outage feed body (JSON or CSV), checked once the caller is
     *                    authenticated (default 32MB: 100,000 events of JSON are about 21MB); the
     *                    security module's {@code eintervention.security.max-body-size} (256KB)
     *                    bounds every other request, see {@code web.OutageFeedBodySize}
     * @param maxConcurrentStores how many batches are stored at once (default 2): each holds a
     *                    database connection while it is written, the others wait for their turn
     *                    without one (their files are read and checked meanwhile), so that big
     *                    files sent together never take the pool M2/M4 need
     */
    public record Outages(@DefaultValue("100000") int maxBatch, @DefaultValue("32MB") DataSize maxBodySize,
            @DefaultValue("2") int maxConcurrentStores) {

        public Outages {
            if (maxConcurrentStores < 1) {
                throw new IllegalArgumentException("eintervention.oc.outages.max-concurrent-stores must be at least 1");
            }
        }
    }
}
