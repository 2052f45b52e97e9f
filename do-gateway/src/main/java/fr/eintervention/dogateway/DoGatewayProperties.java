package fr.eintervention.dogateway;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.protocol.v1.MessageSchema;

/**
 * @param code              the DO's own operator code, sent as {@code Code_DO} (env {@code DO_CODE},
 *                          default {@code DO01})
 * @param ois               the OIs the DO sends to, by operator code: where each receives M1/M3
 *                          ({@code eintervention.do.ois.OI01.base-url=https://oi.example.com}) and
 *                          the version of the protocol it speaks
 *                          ({@code eintervention.do.ois.OI01.protocol-version=v2}, default v1); a
 *                          {@code Code_OI} not listed here is refused at once
 * @param capture           the DO-side rules on the timestamps captured by the technicians' tools
 * @param correctionWindow  how long after the OI rejected an M1/M3 it can still be corrected and
 *                          re-sent (default 48 hours, the specification's minimum)
 * @param retention         how long interventions and what came with them are kept (default
 *                          400 days; the spec leaves retention to each operator)
 * @param purgeCron         when the retention purge runs (default every night at 03:30, in the
 *                          protocol's zone)
 */
@ConfigurationProperties("eintervention.do")
public record DoGatewayProperties(
        @DefaultValue("DO01") String code,
        Map<String, Oi> ois,
        @DefaultValue Capture capture,
        @DefaultValue("48h") Duration correctionWindow,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("0 30 3 * * *") String purgeCron) {

    public DoGatewayProperties {
        if (code == null || !MessageSchema.OPERATOR_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "eintervention.do.code must be the DO's operator code, 4 characters of [0-9A-Z]: " + code);
        }
        // environment variables bind map keys in lower case (EINTERVENTION_DO_OIS_OI01_BASEURL)
        Map<String, Oi> byCode = new TreeMap<>();
        if (ois != null) {
            ois.forEach((oiCode, oi) -> byCode.put(oiCode.toUpperCase(Locale.ROOT), oi));
        }
        ois = Collections.unmodifiableMap(byCode);
    }

    /**
     * @param baseUrl         where the OI exposes the protocol, {@code /v1/intervention_DO} (v1) or
     *                        {@code /v2/interventions-do} (v2) being appended
     * @param protocolVersion the version the OI speaks: {@code v1} (the default) or {@code v2}
     */
    public record Oi(String baseUrl, @DefaultValue("v1") ProtocolVersion protocolVersion) {

        public Oi {
            protocolVersion = protocolVersion == null ? ProtocolVersion.V1 : protocolVersion;
            Optional<String> fault = baseUrl == null || baseUrl.isBlank() ? Optional.empty()
                    : PartnerEndpoint.checkBaseUrl(baseUrl, List.of());
            fault.ifPresent(reason -> {
                throw new IllegalStateException("eintervention.do.ois.*.base-url " + baseUrl + ": " + reason);
            });
        }
    }

    /**
     * The spec wants the start and end to reflect the field (not after the first network
     * manipulation, not more than 5 minutes before it...); software cannot see manipulations, so
     * the obviously wrong is refused and the implausible flagged.
     *
     * @param clockTolerance a start or end later than now by more than this is refused: the
     *                       device's clock may run a little ahead (default 2 minutes)
     * @param minDuration    a shorter presence is flagged, not refused (default 1 minute)
     * @param maxDuration    a longer presence is flagged, not refused (default 12 hours)
     */
    public record Capture(
            @DefaultValue("2m") Duration clockTolerance,
            @DefaultValue("1m") Duration minDuration,
            @DefaultValue("12h") Duration maxDuration) {
    }
}
