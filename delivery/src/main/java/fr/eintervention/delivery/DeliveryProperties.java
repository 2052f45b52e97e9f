package fr.eintervention.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery engine, {@code eintervention.delivery.*}.
 *
 * @param retryDelays     the wait before each automatic retry, in order; a message still not
 *                        delivered when they are used up is FAILED. Default {@code 1m,2m,5m,10m,20h}:
 *                        the specification's 5 retries within 24 hours (6 attempts in all)
 * @param pollInterval    how often each instance looks for due messages: retries, messages whose
 *                        holder died (expired lease), first attempts missed. A safety net: first
 *                        attempts start right after the commit. It also bounds how long messages handed
 *                        back by a stopping instance wait for another one. Default {@code 1s}
 * @param leaseDuration   how long an instance's hold on the messages it claimed lasts without
 *                        its heartbeat: the instance renews it every third of it (one row in
 *                        {@code delivery_instance}, however many messages it holds and however long
 *                        a call takes); past it, another instance takes the messages over (the
 *                        holder is presumed dead). An instance killed outright has its messages
 *                        taken over within {@code lease-duration + poll-interval}. Default {@code 6s}
 * @param batchSize       the most messages one claim takes from the database. Default {@code 100}
 * @param workerThreads   threads sending messages, shared by every partner; more than any
 *                        partner's max-concurrent-calls, so that one slow partner never holds them
 *                        all. Default {@code 16}
 * @param instanceId      this instance's name in leases ({@code lease_owner}), unique among the
 *                        instances sharing the database. Default: host name and a random suffix
 * @param shutdownTimeout how long a stopping instance lets its in-flight sends finish; the ones
 *                        still running are handed back when it ends, as are the messages it
 *                        claimed and had not started. Default {@code 10s}
 * @param giveUpAfter     the protocol's bound: a message not delivered this long after it was
 *                        queued (or re-sent by an operator) is FAILED, whatever made it wait
 *                        (retries, an open circuit, a partner asking to slow down). Default {@code 24h}
 * @param instances       how many instances of the service share the database: each paces itself
 *                        at {@code requests-per-second / instances} per partner, so that together
 *                        they keep to the pace. Default {@code 1}
 * @param partnerDefaults timeouts and protection applied to each partner
 * @param partners        per-partner overrides of {@code partner-defaults}, by partner code, e.g.
 *                        {@code eintervention.delivery.partners.OC01.read-timeout=30s}
 */
@ConfigurationProperties("eintervention.delivery")
record DeliveryProperties(
        @DefaultValue({"1m", "2m", "5m", "10m", "20h"}) List<Duration> retryDelays,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("6s") Duration leaseDuration,
        @DefaultValue("100") int batchSize,
        @DefaultValue("16") int workerThreads,
        String instanceId,
        @DefaultValue("10s") Duration shutdownTimeout,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("1") int instances,
        @DefaultValue Partner partnerDefaults,
        Map<String, PartnerOverride> partners) {

    DeliveryProperties {
        retryDelays = List.copyOf(retryDelays);
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId;
        // partner codes are upper case; a key bound from an environment variable arrives in lower case
        partners = partners == null ? Map.of() : partners.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        if (batchSize < 1 || workerThreads < 1 || instances < 1) {
            throw new IllegalArgumentException("eintervention.delivery: batch-size, worker-threads and instances must be at least 1");
        }
        if (leaseDuration.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("eintervention.delivery: lease-duration (" + leaseDuration
                    + ") must be at least " + MIN_LEASE + ": it is renewed every third of it");
        }
        check("partner-defaults", partnerDefaults, workerThreads);
        for (Map.Entry<String, PartnerOverride> partner : partners.entrySet()) {
            check(partner.getKey(), partner.getValue().over(partnerDefaults), workerThreads);
        }
    }

    /** The settings of one partner: its overrides over the defaults. */
    Partner partner(String code) {
        PartnerOverride override = partners.get(code);
        return override == null ? partnerDefaults : override.over(partnerDefaults);
    }

    /** The pace of this instance towards a partner, in requests per second: its share of the service's. */
    double pacePerInstance(String code) {
        return partner(code).requestsPerSecond() / instances;
    }

    /** the shortest lease: renewed every third of it, a shorter one would keep the database busy for nothing */
    static final Duration MIN_LEASE = Duration.ofSeconds(1);

    /** How often an instance renews its hold on the messages it claimed: every third of the lease. */
    Duration leaseRenewal() {
        return leaseDuration.dividedBy(3);
    }

    private static void check(String name, Partner partner, int workerThreads) {
        if (!(partner.requestsPerSecond() > 0)) {
            throw new IllegalArgumentException("eintervention.delivery: requests-per-second of " + name + " must be above 0");
        }
        if (partner.maxConcurrentCalls() >= workerThreads) {
            throw new IllegalArgumentException("eintervention.delivery: worker-threads (" + workerThreads
                    + ") must exceed max-concurrent-calls of " + name + " (" + partner.maxConcurrentCalls()
                    + ") so that one slow partner cannot hold every worker");
        }
    }

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "instance";
            }
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String id = host + "-" + HexFormat.of().formatHex(random);
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }

    /**
     * How the engine treats one partner.
     *
     * @param connectTimeout      TCP connection timeout. Default {@code 2s}
     * @param readTimeout         the longest wait for the partner's answer; past it the attempt
     *                            fails and is retried. Default {@code 10s}
     * @param maxConcurrentCalls  the most messages this instance sends to the partner at once
     *                            (bulkhead); more wait in the database. Default {@code 4}
     * @param circuitFailureRate  percentage of failed calls (network errors, timeouts, 5xx without
     *                            {@code Retry-After}, 408, 401; never a 429) over the last {@code circuit-window} calls that opens the
     *                            circuit. Default {@code 50}
     * @param circuitWindow       number of recent calls the failure rate is measured on (and the
     *                            fewest calls before it is). Default {@code 20}
     * @param circuitOpenDuration how long an open circuit stops calls to the partner (its messages
     *                            wait, no attempt counted) before trial calls: it bounds how long a
     *                            partner's return goes unnoticed (when a trial succeeds, its waiting
     *                            messages are all due at once). Default {@code 3s}
     * @param requestsPerSecond   the pace of the service towards the partner, all its instances
     *                            together (see {@code instances}). Default {@code 400}: below the
     *                            receivers' default limit of 500 per partner
     *                            ({@code eintervention.security.rate-limit.requests-per-second})
     */
    record Partner(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("4") int maxConcurrentCalls,
            @DefaultValue("50") float circuitFailureRate,
            @DefaultValue("20") int circuitWindow,
            @DefaultValue("3s") Duration circuitOpenDuration,
            @DefaultValue("400") double requestsPerSecond) {
    }

    /** Per-partner overrides: each setting left out takes the value of {@code partner-defaults}. */
    record PartnerOverride(
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxConcurrentCalls,
            Float circuitFailureRate,
            Integer circuitWindow,
            Duration circuitOpenDuration,
            Double requestsPerSecond) {

        Partner over(Partner defaults) {
            return new Partner(
                    connectTimeout != null ? connectTimeout : defaults.connectTimeout(),
                    readTimeout != null ? readTimeout : defaults.readTimeout(),
                    maxConcurrentCalls != null ? maxConcurrentCalls : defaults.maxConcurrentCalls(),
                    circuitFailureRate != null ? circuitFailureRate : defaults.circuitFailureRate(),
                    circuitWindow != null ? circuitWindow : defaults.circuitWindow(),
                    circuitOpenDuration != null ? circuitOpenDuration : defaults.circuitOpenDuration(),
                    requestsPerSecond != null ? requestsPerSecond : defaults.requestsPerSecond());
        }
    }
}
