package dev.baton.sync.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A system orders are synced to (an insurer's underwriting API): where and how to call it, how to read
 * its answer, how to classify its failures and how often to retry. Versioned like flows; a secret header
 * is only a reference — its value is resolved at call time and never stored.
 *
 * @param codePointer      JSON Pointer to the downstream's own result code, or null (2xx means success)
 * @param successCodes     result codes meaning success when {@code codePointer} is set
 * @param messagePointer   JSON Pointer to the downstream's error message, or null
 * @param referencePointer JSON Pointer to the downstream's reference (policy or proposal number), or null
 * @param retries          the retry policy of each async processing category
 */
public record Downstream(String name, int version, URI endpoint, Duration timeout, Map<String, String> headers,
                         Map<String, SecretRef> secretHeaders, String codePointer, Set<String> successCodes,
                         String messagePointer, String referencePointer, RetryPolicies retries, List<Rule> rules) {

    /** Longest call timeout: the Lambda must answer within API Gateway's 30 s. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(25);

    public Downstream {
        if (name == null || version < 1 || endpoint == null || timeout == null || retries == null) {
            throw new IllegalArgumentException("downstream needs name, version >= 1, endpoint, timeout, retries");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be 1 ms to " + MAX_TIMEOUT.toMillis() + " ms");
        }
        // sorted copies: the settings read the same from every instance (a Map.copyOf's order varies by JVM)
        headers = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(headers)));
        secretHeaders = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(secretHeaders)));
        successCodes = Collections.unmodifiableSortedSet(new TreeSet<>(Set.copyOf(successCodes)));
        rules = List.copyOf(rules);
    }

    /** Settings whose categories share {@code retry} as {@link RetryPolicies#of} does (unknown failures probed). */
    public Downstream(String name, int version, URI endpoint, Duration timeout, Map<String, String> headers,
                      Map<String, SecretRef> secretHeaders, String codePointer, Set<String> successCodes,
                      String messagePointer, String referencePointer, RetryPolicy retry, List<Rule> rules) {
        this(name, version, endpoint, timeout, headers, secretHeaders, codePointer, successCodes, messagePointer,
                referencePointer, RetryPolicies.of(retry), rules);
    }

    /** The same settings as a new version. */
    public Downstream withVersion(int newVersion) {
        return new Downstream(name, newVersion, endpoint, timeout, headers, secretHeaders, codePointer, successCodes,
                messagePointer, referencePointer, retries, rules);
    }

    /** True when {@code other} has the same settings, whatever its version. */
    public boolean sameSettingsAs(Downstream other) {
        return withVersion(1).equals(other.withVersion(1));
    }

    /** Where a secret header's value comes from. */
    public record SecretRef(Source source, String name) {

        /** The kinds of secret source. */
        public enum Source {
            /** An environment variable of the function. */
            ENV,
            /** An AWS Systems Manager Parameter Store parameter (SecureString), read with decryption. */
            PARAMETER
        }

        public SecretRef {
            if (source == null || name == null || name.isBlank()) {
                throw new IllegalArgumentException("secret reference needs a source and a name");
            }
        }
    }
}
