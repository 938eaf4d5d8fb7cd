package dev.baton.sync.domain;

import java.time.Duration;

/**
 * The time an attempt to sync an order may take, and the margins that make it fit inside its Lambda
 * function and, for the synchronous sync, inside API Gateway's limit. One place for every number that the
 * functions' {@code Timeout}, the retry queue's visibility timeout and the SQS batch size in
 * {@code template.yaml} are derived from; {@code TemplateInvariantsTest} checks the template against it.
 *
 * <p>An attempt is: the secret lookups, connecting to the downstream, the call itself, and the store work
 * around it (settings read, claim, outcome write). A function that runs out of time mid-attempt leaves its
 * order {@code SYNCING} until the lease expires, and a timed-out retry invocation fails its whole batch, so
 * each function's timeout must cover its worst case.
 */
public final class TimeBudget {

    /** API Gateway HTTP APIs give an integration at most 30 s, then answer 503 themselves. */
    public static final Duration API_GATEWAY_LIMIT = Duration.ofSeconds(30);
    /** The longest downstream call a setting may ask for (its {@code timeoutMs}). */
    public static final Duration DOWNSTREAM_CALL = Downstream.MAX_TIMEOUT;
    /** Connecting to a downstream (DNS, TCP, TLS); the HTTP client may spend it before the call's timeout. */
    public static final Duration CONNECT = Duration.ofSeconds(3);
    /**
     * An attempt's Parameter Store lookup: one call for all its uncached secret headers, SDK retries included,
     * and the SDK client's first use after a SnapStart restore (class loading on a fraction of a vCPU).
     */
    public static final Duration SECRET_LOOKUP = Duration.ofSeconds(3);
    /** DynamoDB work of an attempt: settings read, claim, outcome write and the retry message, with retries. */
    public static final Duration STORE_WORK = Duration.ofSeconds(2);
    /** Left between the synchronous sync's worst case and API Gateway's limit, to answer in time. */
    public static final Duration RESPONSE_MARGIN = Duration.ofSeconds(1);
    /**
     * Records per retry-worker invocation. Funqy handles a batch's records one after another and a timed-out
     * invocation fails them all, so one record per invocation keeps the worker's timeout (and with it the
     * queue's visibility timeout) at one attempt's worst case; throughput comes from concurrency instead.
     */
    public static final int RETRY_BATCH_SIZE = 1;
    /** AWS: an SQS event source's visibility timeout should be at least 6 times the function's timeout. */
    public static final int VISIBILITY_FACTOR = 6;

    /**
     * The longest downstream call the synchronous sync may make: what API Gateway's limit leaves after the
     * lookups, the connection, the store work and the response margin. Longer downstream timeouts apply to
     * retries only.
     */
    public static final Duration SYNCHRONOUS_CALL = API_GATEWAY_LIMIT.minus(SECRET_LOOKUP).minus(CONNECT)
            .minus(STORE_WORK).minus(RESPONSE_MARGIN);

    /**
     * How long after its start a synchronous sync may still be waiting for the downstream: its reads, its claim
     * and the whole exchange (secret look-ups, connect, headers, body) end by then, leaving {@link #STORE_WORK}
     * for the outcome write and {@link #RESPONSE_MARGIN} to answer inside API Gateway's limit. A downstream call
     * still running then is cut and counts as a timeout, so the order goes to async processing.
     */
    public static final Duration SYNCHRONOUS_DEADLINE = API_GATEWAY_LIMIT.minus(STORE_WORK).minus(RESPONSE_MARGIN);

    private TimeBudget() {
    }

    /** Worst case of one attempt whose call may take {@code callTimeout}. */
    public static Duration attempt(Duration callTimeout) {
        return SECRET_LOOKUP.plus(CONNECT).plus(callTimeout).plus(STORE_WORK);
    }

    /** The timeout a synchronous sync gives a downstream whose own timeout is {@code downstreamTimeout}. */
    public static Duration synchronousCall(Duration downstreamTimeout) {
        return downstreamTimeout.compareTo(SYNCHRONOUS_CALL) < 0 ? downstreamTimeout : SYNCHRONOUS_CALL;
    }

    /** Worst case of an {@code order-sync} invocation: one synchronous attempt. */
    public static Duration orderSyncWork() {
        return attempt(SYNCHRONOUS_CALL);
    }

    /** Worst case of an {@code order-retry} invocation: a batch of attempts with the longest call each. */
    public static Duration orderRetryWork() {
        return attempt(DOWNSTREAM_CALL).multipliedBy(RETRY_BATCH_SIZE);
    }
}
