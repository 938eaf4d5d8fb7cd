package dev.baton.sync.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which downstream endpoints Baton may call, so a stored setting can never point Baton at the function's own
 * metadata, credentials, network or machine. Deployed, an endpoint is {@code https} on port 443 or 8443 to a
 * host name or a public IP address, with no credentials in the URL. The local stack and tests opt in
 * ({@code allowInsecureLocal}) to {@code http}, any port and loopback — never to link-local or private
 * addresses. Host names are judged again by the addresses they resolve to, at call time
 * ({@link #addressViolation(byte[])}).
 *
 * <p>
 * {@code allowedHosts}, when not empty, is the deployment's egress allowlist: an endpoint's host must be one of
 * those names or a subdomain of one ({@code insurer.example} allows {@code api.insurer.example}). It is set at
 * deploy time, not through the API, so a stolen admin token cannot point Baton — and the secret headers it sends —
 * at a host of the thief's choosing.
 *
 * @param allowInsecureLocal whether {@code http}, any port and loopback addresses are allowed (local only)
 * @param allowedHosts       the host names (and their subdomains) endpoints may name; empty: any public host
 */
public record EndpointPolicy(boolean allowInsecureLocal, List<String> allowedHosts) {

    /** Normalises the allowlist to lower case without trailing dots or blanks. */
    public EndpointPolicy {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::trim)
                .map(h -> h.toLowerCase(Locale.ROOT)).map(h -> h.endsWith(".") ? h.substring(0, h.length() - 1) : h)
                .filter(h -> !h.isEmpty()).toList();
    }

    /** A policy without an egress allowlist. */
    public EndpointPolicy(boolean allowInsecureLocal) {
        this(allowInsecureLocal, List.of());
    }

    /** The ports an {@code https} endpoint may use when deployed (443 is the default). */
    public static final Set<Integer> HTTPS_PORTS = Set.of(443, 8443);

    /** A host name Baton will look up: ASCII letters, digits, dashes and dots (IDN in punycode). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]"
            + "{0,62}[a-z0-9])?)*");
    /** A last label that URL parsers and resolvers read as a number: 127.1, 0x7f000001, 2130706433, 0177.0.0.1. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** Names that always mean this machine or the cloud's metadata service, whatever DNS says. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost",
            "ip6-loopback");
    private static final Set<String> METADATA_NAMES = Set.of("instance-data", "instance-data.ec2.internal",
            "metadata", "metadata.google.internal");

    /** The rule {@code endpoint} breaks, stated for a caller (it names the rule), or empty when it is allowed. */
    public Optional<String> violation(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && allowInsecureLocal)) {
            return Optional.of(allowInsecureLocal ? "must be an http or https URL (rule scheme)"
                    : "must be an https URL; http is only for the local stack (rule scheme)");
        }
        if (endpoint.getRawUserInfo() != null || (endpoint.getRawAuthority() != null
                && endpoint.getRawAuthority().contains("@"))) {
            return Optional.of("must not carry credentials (user:password@) in the URL; use secretHeaders"
                    + " (rule userinfo)");
        }
        if (endpoint.getHost() == null) {
            // java.net.URI leaves hosts such as 127.1 or 169.254.169.254. unparsed: judge the raw text, so the
            // answer names the rule that matters
            String authority = endpoint.getRawAuthority();
            return Optional.ofNullable(authority).flatMap(a -> host(a.replaceFirst(":[0-9]*$", "")))
                    .or(() -> Optional.of("must name a valid host (rule host)"));
        }
        return port(endpoint.getPort()).or(() -> host(endpoint.getHost())).or(() -> allowlisted(endpoint.getHost()));
    }

    private Optional<String> allowlisted(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (allowedHosts.isEmpty() || allowedHosts.stream().anyMatch(a -> name.equals(a) || name.endsWith("." + a))) {
            return Optional.empty();
        }
        return Optional.of("must be a host this deployment allows (" + String.join(", ", allowedHosts)
                + ", or a subdomain of one) (rule allowed-hosts)");
    }

    /** The rule a resolved address of the endpoint's host breaks, or empty when Baton may connect to it. */
    public Optional<String> addressViolation(byte[] address) {
        return AddressRange.of(address).filter(r -> !(r == AddressRange.LOOPBACK && allowInsecureLocal))
                .map(EndpointPolicy::rangeMessage);
    }

    private Optional<String> port(int port) {
        if (port == -1 || allowInsecureLocal && port >= 1 && port <= 65_535 || HTTPS_PORTS.contains(port)) {
            return Optional.empty();
        }
        if (allowInsecureLocal) {
            return Optional.of("must be a port from 1 to 65535 (rule port)");
        }
        return Optional.of("must use port " + HTTPS_PORTS.stream().sorted().map(String::valueOf)
                .reduce((a, b) -> a + " or " + b).orElseThrow() + " (or none) (rule port)");
    }

    private Optional<String> host(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return ipv6(host.substring(1, host.length() - 1));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!NAME.matcher(name).matches()) {
            return Optional.of("must be a host name in ASCII (punycode for international names) or an IP address"
                    + " (rule host)");
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches()) {
            return ipv4(name).map(this::addressViolation).orElseGet(() -> Optional.of("must write an IP address as"
                    + " four decimal numbers 0 to 255 without leading zeros, a.b.c.d (rule numeric-host)"));
        }
        if (LOOPBACK_NAMES.contains(name) || name.endsWith(".localhost")) {
            return allowInsecureLocal ? Optional.empty() : Optional.of(rangeMessage(AddressRange.LOOPBACK));
        }
        return METADATA_NAMES.contains(name) ? Optional.of(rangeMessage(AddressRange.LINK_LOCAL)) : Optional.empty();
    }

    private Optional<String> ipv6(String literal) {
        if (literal.contains("%")) {
            return Optional.of("must not carry an IPv6 zone id (rule host)");
        }
        try {
            // a literal with ':' is parsed, never looked up (InetAddress.getByName javadoc)
            return addressViolation(InetAddress.getByName("[" + literal + "]").getAddress());
        } catch (UnknownHostException e) {
            return Optional.of("is not a valid IPv6 address (rule host)");
        }
    }

    private static Optional<byte[]> ipv4(String name) {
        if (!DOTTED_QUAD.matcher(name).matches()) {
            return Optional.empty();
        }
        String[] parts = name.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    private static String rangeMessage(AddressRange range) {
        return "must not reach a " + range.rule() + " address (" + range.ranges() + ") (rule " + range.rule() + ")";
    }
}
