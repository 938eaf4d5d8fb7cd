package dev.baton.sync.infra;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.app.Connector;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.TimeBudget;

/**
 * {@link Connector} over the JDK's {@code java.net.http} client: no extra dependency, HTTP/1.1 and 2.
 * POSTs the payload as JSON with the order's {@code Idempotency-Key}; reads at most {@link BoundedBody#MAX_BYTES}
 * of the answer, all within the call's budget; reads success and failure features with {@link DownstreamAnswers}.
 */
@ApplicationScoped
public class HttpConnector implements Connector {

    /** Connecting takes at most this long (the time budget counts it apart from the call's timeout). */
    static final Duration CONNECT_TIMEOUT = TimeBudget.CONNECT;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SecretResolver secrets;
    @jakarta.inject.Inject
    EndpointGuard guard;

    HttpConnector(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public Outcome submit(Downstream downstream, String idempotencyKey, NodeData payload, Duration budget) {
        long start = System.nanoTime();
        if (budget.isNegative() || budget.isZero()) {
            return failure(FailureKind.TIMEOUT, "no time left in this invocation to call the downstream", start);
        }
        try {
            return guard.refusal(downstream, start).orElseGet(() -> call(downstream, idempotencyKey, payload, start,
                    start + budget.toNanos()));
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            // settings the HTTP client refuses (a header it restricts): never a 5xx that strands the order
            // in SYNCING — classified like any other failure, so the order retries or ends DEAD for a human
            return failure(FailureKind.CONNECTION, "the HTTP client refused the request built from the downstream"
                    + " settings: " + unusable.getClass().getSimpleName(), start);
        }
    }

    private Outcome call(Downstream downstream, String idempotencyKey, NodeData payload, long start, long end) {
        HttpRequest.Builder request = HttpRequest.newBuilder(downstream.endpoint())
                .header("content-type", "application/json").header("accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload.json()));
        downstream.headers().forEach(request::header);
        // never call without a secret header: a missing secret fails the attempt, classified like a connection
        SecretResolver.Resolution secret = secrets.resolve(downstream.secretHeaders());
        if (!secret.complete()) {
            return failure(FailureKind.CONNECTION, secret.unavailable(), start);
        }
        secret.values().forEach(request::header);
        long left = end - System.nanoTime();
        if (left <= 0) {
            return failure(FailureKind.TIMEOUT, "no time left after resolving the secret headers", start);
        }
        // HttpRequest.timeout covers the wait for the headers only; the get() below bounds the whole exchange,
        // including a body that arrives one byte at a time
        CompletableFuture<HttpResponse<BoundedBody.Text>> exchange = client.sendAsync(
                request.timeout(Duration.ofNanos(left)).build(), BoundedBody.handler());
        try {
            HttpResponse<BoundedBody.Text> response = exchange.get(left, TimeUnit.NANOSECONDS);
            // before anyone sees the message: no echoed secret or order data goes further (Echoes)
            return Echoes.of(secret.values().values(), payload).scrub(answer(downstream, response, start));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failure(FailureKind.TIMEOUT, "no complete answer within " + elapsed(start).toMillis() + " ms",
                    start);
        } catch (ExecutionException e) {
            return failed(e.getCause(), elapsed(start).toMillis(), start);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failure(FailureKind.TIMEOUT, "interrupted while waiting", start);
        }
    }

    private static Outcome answer(Downstream downstream, HttpResponse<BoundedBody.Text> response, long start) {
        BoundedBody.Text body = response.body();
        Outcome outcome = DownstreamAnswers.read(downstream, response.statusCode(),
                response.headers().firstValue("retry-after").orElse(null), body.body(), elapsed(start));
        if (!body.cut() || outcome.succeeded()) {
            return outcome;
        }
        Failure f = outcome.failure();
        String message = "answer cut at " + BoundedBody.MAX_BYTES + " bytes" + (f.message() == null ? ""
                : ": " + f.message());
        return new Outcome(new Failure(f.kind(), f.httpStatus(), f.code(), message, f.retryAfter()), null,
                outcome.latency());
    }

    private static Outcome failed(Throwable cause, long millis, long start) {
        if (cause instanceof HttpTimeoutException) {
            // the same words as the whole-exchange bound above: which of the two equal bounds fires first is a race
            return failure(FailureKind.TIMEOUT, "no complete answer within " + millis + " ms", start);
        }
        if (cause instanceof ConnectException) {
            return failure(FailureKind.CONNECTION, "connection refused or unreachable", start);
        }
        return failure(FailureKind.CONNECTION, "connection failed: " + (cause == null ? "unknown"
                : cause.getClass().getSimpleName()), start);
    }

    private static Outcome failure(FailureKind kind, String message, long start) {
        return new Outcome(new Failure(kind, null, null, message, null), null, elapsed(start));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
