package dev.baton.sync.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.domain.Downstream.SecretRef;
import dev.baton.sync.domain.SecretRefPolicy;
import dev.baton.sync.domain.TimeBudget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Resolves a downstream's secret headers at call time: environment variables through the application's
 * config (which reads the environment); Parameter Store SecureStrings with one {@code GetParameters} call for
 * all of a call's uncached names (at most 10, the downstream limit and the API's), bounded by
 * {@link TimeBudget#SECRET_LOOKUP} and cached for {@value #CACHE_SECONDS} s in the warm function.
 *
 * <p>The SDK, not the AWS Parameters and Secrets Lambda Extension: the extension authenticates callers with
 * {@code AWS_SESSION_TOKEN}, which a SnapStart function does not have (its runtime gets container
 * credentials instead, which the SDK's default chain reads). A header whose value cannot be had makes the
 * whole resolution unavailable, with the reason: the caller fails the attempt instead of calling without it.
 * Values are never logged and never part of {@link Resolution#toString()}.
 */
@ApplicationScoped
public class SecretResolver {

    static final long CACHE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(SecretResolver.class);

    private final Config config;
    private final SsmClient ssm;
    private final Clock clock;
    private final Duration lookupBound;
    private final SecretRefPolicy policy;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant until) {
    }

    /** Every header's value, or why one of them cannot be had (then {@code values} is empty). */
    public record Resolution(Map<String, String> values, String unavailable) {

        /** True when every header has its value. */
        public boolean complete() {
            return unavailable == null;
        }

        @Override
        public String toString() {
            return complete() ? "Resolution[" + values.keySet() + "]" : "Resolution[unavailable: " + unavailable + "]";
        }
    }

    @Inject
    SecretResolver(Config config, SsmClient ssm, Clock clock, BatonConfig baton) {
        this(config, ssm, clock, TimeBudget.SECRET_LOOKUP, new SecretRefPolicy(baton.secrets().parameterPrefix()));
    }

    SecretResolver(Config config, SsmClient ssm, Clock clock, Duration lookupBound, SecretRefPolicy policy) {
        this.config = config;
        this.ssm = ssm;
        this.clock = clock;
        this.lookupBound = lookupBound;
        this.policy = policy;
    }

    /** The values of {@code secretHeaders} (header name → reference), or the first that is unavailable. */
    public Resolution resolve(Map<String, SecretRef> secretHeaders) {
        for (Map.Entry<String, SecretRef> header : secretHeaders.entrySet()) {
            if (policy.violation(header.getValue()).isPresent()) {
                // settings stored before the namespace rule: never read AWS_* or other variables, never send without
                return new Resolution(Map.of(), "secret for header " + header.getKey() + " is outside the secret"
                        + " namespace (BATON_SECRET_* or Parameter Store names under the configured prefix)");
            }
        }
        Instant now = clock.instant();
        Map<String, String> parameters = new LinkedHashMap<>();
        String failure = fetchUncached(secretHeaders, now, parameters);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, SecretRef> header : secretHeaders.entrySet()) {
            SecretRef ref = header.getValue();
            String value = switch (ref.source()) {
                case ENV -> config.getOptionalValue(ref.name(), String.class).orElse(null);
                case PARAMETER -> parameters.get(ref.name());
            };
            if (value == null) {
                String why = ref.source() == SecretRef.Source.ENV ? "environment variable " + ref.name() + " is not set"
                        : failure != null ? failure : "parameter " + ref.name() + " does not exist";
                LOG.warnf("secret for header %s is unavailable: %s", header.getKey(), why);
                return new Resolution(Map.of(), "secret for header " + header.getKey() + " is unavailable: " + why);
            }
            values.put(header.getKey(), value);
        }
        return new Resolution(Map.copyOf(values), null);
    }

    /** Fills {@code into} with every wanted parameter (cache first); answers why a fetch failed, or null. */
    private String fetchUncached(Map<String, SecretRef> secretHeaders, Instant now, Map<String, String> into) {
        Set<String> missing = new TreeSet<>();
        secretHeaders.values().stream().filter(ref -> ref.source() == SecretRef.Source.PARAMETER)
                .map(SecretRef::name).forEach(name -> {
                    Cached hit = cache.get(name);
                    if (hit != null && hit.until().isAfter(now)) {
                        into.put(name, hit.value());
                    } else {
                        missing.add(name);
                    }
                });
        if (missing.isEmpty()) {
            return null;
        }
        try {
            GetParametersResponse response = ssm.getParameters(request -> request.names(missing).withDecryption(true)
                    .overrideConfiguration(call -> call.apiCallTimeout(lookupBound)));
            for (Parameter parameter : response.parameters()) {
                cache.put(parameter.name(), new Cached(parameter.value(), now.plusSeconds(CACHE_SECONDS)));
                into.put(parameter.name(), parameter.value());
            }
            return null;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "Parameter Store answered " + (code == null ? "an error" : code) + " (HTTP " + e.statusCode() + ")";
        } catch (SdkException e) {
            // ApiCallTimeoutException after the lookup bound, or no credentials, or no connection
            return "Parameter Store call failed: " + e.getClass().getSimpleName();
        }
    }
}
