package dev.baton.sync.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which headers a downstream's settings may name. Headers that carry credentials are accepted only as
 * secret headers (a reference, resolved at call time), so no stored or echoed setting ever holds one.
 * Headers Baton sets itself, hop-by-hop headers and those the JDK's HTTP client refuses to send are refused
 * outright rather than silently dropped at call time.
 */
public final class HeaderPolicy {

    /**
     * Set by Baton ({@code Content-Type}, {@code Accept}, {@code Idempotency-Key}), restricted by
     * {@code java.net.http} ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host},
     * {@code Upgrade}), hop-by-hop (RFC 9110 §7.6.1) or about an encoding Baton does not apply or read.
     */
    public static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "http2-settings",
            "content-type", "accept", "idempotency-key", "content-encoding", "accept-encoding");
    /** Headers that are credentials by name. */
    public static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "api-key", "apikey", "x-amz-security-token");
    /** Name parts that mark a header as a credential: {@code X-Auth-Token}, {@code X-App-Secret}, ... */
    private static final List<String> CREDENTIAL_PARTS = List.of("auth", "token", "secret", "password", "passwd",
            "apikey", "api-key", "api_key", "credential", "session", "signature", "cookie", "private-key");
    /** Whole words (between dashes or underscores) that mark a credential: {@code X-Access-Key}, {@code X-Pwd}. */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("key", "pwd", "pass", "bearer", "sign", "sig", "otp",
            "pin", "jwt", "sid");

    private HeaderPolicy() {
    }

    /** The rule a plain (stored, echoed) header named {@code name} breaks, or empty when it may be stored. */
    public static Optional<String> plainViolation(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
            return Optional.of(reserved());
        }
        if (CREDENTIALS.contains(lower) || CREDENTIAL_PARTS.stream().anyMatch(lower::contains)
                || java.util.Arrays.stream(lower.split("[-_]")).anyMatch(CREDENTIAL_WORDS::contains)) {
            return Optional.of("carries credentials: put it in secretHeaders, never in headers (rule"
                    + " credential-header)");
        }
        return Optional.empty();
    }

    /** The rule a secret header named {@code name} breaks, or empty when it may be sent. */
    public static Optional<String> secretViolation(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT)) ? Optional.of(reserved()) : Optional.empty();
    }

    private static String reserved() {
        return "is a header Baton sets itself or will not send (Host, Content-Length, Connection, Expect, Upgrade,"
                + " Transfer-Encoding, Content-Type, Accept, Idempotency-Key, ...) (rule reserved-header)";
    }
}
