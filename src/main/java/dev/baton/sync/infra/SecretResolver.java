package dev.baton.sync.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.baton.shared.infra.BatonConfig;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.domain.Downstream.SecretRef;
import dev.baton.sync.domain.SecretRefPolicy;

/**
 * Resolves secret header values at call time: environment variables through the application's config
 * (which reads the environment); Parameter Store SecureStrings through the AWS Parameters and Secrets
 * Lambda Extension on loopback (no SSM SDK in function.zip — its jar alone would add 6 MB), cached for
 * {@value #CACHE_SECONDS} s in the warm function. Values are never stored, returned or logged.
 * See https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html
 */
@ApplicationScoped
public class SecretResolver {

    static final long CACHE_SECONDS = 300;
    static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";

    private final Config config;
    private final String endpoint;
    private final Clock clock;
    private final SecretRefPolicy policy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant until) {
    }

    SecretResolver(Config config, BatonConfig baton, Clock clock) {
        this.config = config;
        this.endpoint = baton.secrets().parametersEndpoint();
        this.clock = clock;
        this.policy = new SecretRefPolicy(baton.secrets().parameterPrefix());
    }

    /** The secret's value, or empty when it cannot be had or lies outside the secret namespace. */
    public Optional<String> resolve(SecretRef ref) {
        if (policy.violation(ref).isPresent()) {
            return Optional.empty(); // settings stored before the namespace rule: never read AWS_* or other vars
        }
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
        String token = config.getOptionalValue("AWS_SESSION_TOKEN", String.class).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/systemsmanager/parameters/get?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&withDecryption=true"))
                .timeout(Duration.ofSeconds(3)).header(TOKEN_HEADER, token).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            String value = CanonicalJson.parse(response.body()).path("Parameter").path("Value").asText(null);
            if (value == null) {
                return Optional.empty();
            }
            cache.put(name, new Cached(value, now.plusSeconds(CACHE_SECONDS)));
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
