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
 * @param partners the OIs the OC works with, by operator code, where each receives what the OC
 *                 sends and in which version of the protocol
 *                 ({@code eintervention.oc.partners.OI01.base-url=https://oi.example.com},
 *                 {@code eintervention.oc.partners.OI01.protocol-version=v2}); an M2/M4 whose
 *                 {@code Code_OI} / {@code codeOI} is not listed is answered CODE_OI_INCONNU
 * @param flux3    whether and when M5 is sent
 * @param outages  limits of the outage feed
 * @param lineTests when line tests (M4TX) are answered (M5TX)
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
        @DefaultValue LineTests lineTests,
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

    /** The versions of the protocol a partner may speak. */
    public enum ProtocolVersion {
        v1, v2
    }

    /**
     * @param baseUrl         where the OI exposes the protocol, the operation's path being appended
     *                        ({@code /v1/client_HS_OC_Par_Inter}, {@code /v2/interventions-oi/...})
     * @param protocolVersion the version the OI speaks, {@code v1} (default) or {@code v2}: what
     *                        the OC sends it after an intervention's end (v1: M5; v2: the end's
     *                        M5TX). Whatever it is, the OC receives both versions from the OI.
     */
    public record Partner(String baseUrl, @DefaultValue("v1") ProtocolVersion protocolVersion) {

        public Partner {
            if (protocolVersion == null) {
                protocolVersion = ProtocolVersion.v1;
            }
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
     * Line tests (v2's M4TX, answered with M5TX).
     *
     * @param maxSettlingDelay the latest a test is answered after its M4TX was received, whatever
     *                         the outage feed says (default 2 minutes); sooner once the feed has
     *                         settled past the test's time
     * @param pollInterval     how often due answers are looked for (default 250 ms: it adds to what
     *                         the technician waits on site, and each look is one indexed query)
     */
    public record LineTests(@DefaultValue("2m") Duration maxSettlingDelay, @DefaultValue("250ms") Duration pollInterval) {
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
