package fr.eintervention.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which addresses a partner's base URL may name. The services send partners messages and show
 * operators their answers: a base URL naming this machine (loopback), the local link or a cloud
 * metadata service would let whoever sets it read what such an address serves. Those are refused
 * unless {@code eintervention.partner-addresses.allow-local} is on (tests and demos, whose
 * partners run on {@code localhost}). Host names are not resolved: an allow-list of hosts
 * ({@code eintervention.oi.partner-hosts}) is what keeps a name out.
 *
 * @param allowLocal loopback, link-local and metadata addresses accepted (default false)
 */
@ConfigurationProperties("eintervention.partner-addresses")
public record PartnerAddresses(@DefaultValue("false") boolean allowLocal) {

    /** Names of cloud metadata services (lower case). */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.com");
    /** Metadata addresses outside the link-local ranges: AWS's IPv6 one, Alibaba Cloud's. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");
    /** An IPv4 address as the C resolver reads one: 1 to 4 parts, decimal, octal (0...) or hexadecimal (0x...). */
    private static final Pattern IPV4_ANY_FORM = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    /** The settings' own default: nothing local. */
    public static final PartnerAddresses STRICT = new PartnerAddresses(false);

    /**
     * Why a partner's base URL cannot be used, or empty when it can: {@link PartnerEndpoint#checkBaseUrl}'s
     * rules, then, unless allowed, no loopback, link-local or metadata address.
     */
    public Optional<String> check(String baseUrl, Collection<String> allowedHosts) {
        Optional<String> fault = PartnerEndpoint.checkBaseUrl(baseUrl, allowedHosts);
        if (fault.isPresent() || allowLocal) {
            return fault;
        }
        return local(java.net.URI.create(baseUrl).getHost())
                .map(kind -> "host " + java.net.URI.create(baseUrl).getHost() + " is " + kind
                        + ": refused unless eintervention.partner-addresses.allow-local is set (tests and demos)");
    }

    /** What local kind of address the host names, if it names one. */
    static Optional<String> local(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of("this machine (loopback)");
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of("a cloud metadata service");
        }
        InetAddress address = literal(name);
        if (address == null) {
            return Optional.empty();
        }
        if (METADATA_ADDRESSES.contains(address.getHostAddress()) || address.getHostAddress().equals("169.254.169.254")) {
            return Optional.of("a cloud metadata service");
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || loopbackInIpv6(address)) {
            return Optional.of("this machine (loopback)");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        return Optional.empty();
    }

    /** An IP address written in the host, without any name resolution; null for a name. */
    private static InetAddress literal(String name) {
        try {
            if (name.contains(":")) {
                return InetAddress.getByName(name); // an IPv6 literal: never looked up
            }
            if (IPV4_ANY_FORM.matcher(name).matches()) {
                return ipv4(name);
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** {@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}: all 127.0.0.1 to the resolver. */
    private static InetAddress ipv4(String name) throws UnknownHostException {
        String[] parts = name.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            values[i] = part.startsWith("0x") ? (part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16))
                    : part.length() > 1 && part.startsWith("0") ? Long.parseLong(part.substring(1), 8) : Long.parseLong(part);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xFF) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (4 - (parts.length - 1)))) {
            return null;
        }
        address |= last;
        return InetAddress.getByAddress(new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address});
    }

    /** {@code ::127.0.0.1} and the like: IPv4-compatible IPv6 addresses of the loopback. */
    private static boolean loopbackInIpv6(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[12] == 127;
    }
}
