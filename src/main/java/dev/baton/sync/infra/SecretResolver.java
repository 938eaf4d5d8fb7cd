package dev.baton.sync.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.baton.sync.domain.Downstream.SecretRef;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Resolves secret header values at call time: environment variables through the application's config
 * (which reads the environment), Parameter Store parameters with decryption, cached for
 * {@value #CACHE_SECONDS} s in the warm function. Values are never stored, returned or logged.
 */
@ApplicationScoped
public class SecretResolver {

    static final long CACHE_SECONDS = 300;

    private final Config config;
    private final SsmClient ssm;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant until) {
    }

    SecretResolver(Config config, SsmClient ssm, Clock clock) {
        this.config = config;
        this.ssm = ssm;
        this.clock = clock;
    }

    /** The secret's value, or empty when it cannot be had (the error names the reference, never a value). */
    public Optional<String> resolve(SecretRef ref) {
        return switch (ref.source()) {
            case ENV -> config.getOptionalValue(ref.name(), String.class);
            case PARAMETER -> parameter(ref.name());
        };
    }

    private Optional<String> parameter(String name) {
        Instant now = clock.instant();
        Cached hit = cache.get(name);
        if (hit != null && hit.until().isAfter(now)) {
            return Optional.of(hit.value());
        }
        try {
            String value = ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
            cache.put(name, new Cached(value, now.plus(Duration.ofSeconds(CACHE_SECONDS))));
            return Optional.of(value);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }
}
