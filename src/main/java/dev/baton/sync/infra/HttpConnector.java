package dev.baton.sync.infra;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.app.Connector;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;

/**
 * {@link Connector} over the JDK's {@code java.net.http} client: no extra dependency, HTTP/1.1 and 2,
 * per-request timeouts. POSTs the payload as JSON with the order's {@code Idempotency-Key}; reads success
 * and failure features with {@link DownstreamAnswers}.
 */
@ApplicationScoped
public class HttpConnector implements Connector {

    /** Connecting takes at most this long (within the downstream's own timeout). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SecretResolver secrets;
    @jakarta.inject.Inject
    EndpointGuard guard;

    HttpConnector(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public Outcome submit(Downstream downstream, String idempotencyKey, NodeData payload) {
        long start = System.nanoTime();
        try {
            return guard.refusal(downstream, start).orElseGet(() -> call(downstream, idempotencyKey, payload, start));
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            // settings the HTTP client refuses (a header it restricts): never a 5xx that strands the order
            // in SYNCING — classified like any other failure, so the order retries or ends DEAD for a human
            return failure(FailureKind.CONNECTION, "the HTTP client refused the request built from the downstream"
                    + " settings: " + unusable.getClass().getSimpleName(), start);
        }
    }

    private Outcome call(Downstream downstream, String idempotencyKey, NodeData payload, long start) {
        HttpRequest.Builder request = HttpRequest.newBuilder(downstream.endpoint()).timeout(downstream.timeout())
                .header("content-type", "application/json").header("accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload.json()));
        downstream.headers().forEach(request::header);
        for (Map.Entry<String, Downstream.SecretRef> secret : downstream.secretHeaders().entrySet()) {
            Optional<String> value = secrets.resolve(secret.getValue());
            if (value.isEmpty()) {
                return new Outcome(new Failure(FailureKind.CONNECTION, null, null, "secret for header "
                        + secret.getKey() + " is unavailable", null), null, elapsed(start));
            }
            request.header(secret.getKey(), value.get());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return DownstreamAnswers.read(downstream, response.statusCode(),
                    response.headers().firstValue("retry-after").orElse(null), response.body(), elapsed(start));
        } catch (HttpTimeoutException e) {
            return failure(FailureKind.TIMEOUT, "timed out after " + downstream.timeout().toMillis() + " ms", start);
        } catch (ConnectException e) {
            return failure(FailureKind.CONNECTION, "connection refused or unreachable", start);
        } catch (IOException e) {
            return failure(FailureKind.CONNECTION, "connection failed: " + e.getClass().getSimpleName(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(FailureKind.TIMEOUT, "interrupted while waiting", start);
        }
    }

    private static Outcome failure(FailureKind kind, String message, long start) {
        return new Outcome(new Failure(kind, null, null, message, null), null, elapsed(start));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
