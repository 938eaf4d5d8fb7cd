package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.domain.Mask;
import dev.baton.shared.infra.CrashPoints;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureClassifier;
import dev.baton.sync.domain.FailureTemplate;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * Runs one claimed attempt — the downstream call and the outcome write — for sync calls and the retry worker
 * alike. Whatever happens after the claim, the order is never stranded: the claim recorded everything needed
 * to run the attempt again, and an outcome that cannot be recorded leaves the lease to expire, after which
 * the sweeper sends the same attempt again with the same idempotency key.
 */
@ApplicationScoped
public class SyncAttempts {

    private static final Logger LOG = Logger.getLogger(SyncAttempts.class);

    private final SyncStore store;
    private final Connector connector;
    private final RetryQueue queue;
    private final SyncMetrics metrics;
    private final FailureInbox inbox;
    private final Clock clock;
    private final RandomGenerator random;

    SyncAttempts(SyncStore store, Connector connector, RetryQueue queue, SyncMetrics metrics, FailureInbox inbox,
                 Clock clock, RandomGenerator random) {
        this.inbox = inbox;
        this.store = store;
        this.connector = connector;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Calls the downstream for {@code claimed} (a {@code SYNCING} state this caller stored) within {@code budget}
     * and records the outcome. {@code crashPrefix} names the crash points of the caller ({@code sync}, {@code retry}).
     */
    public ProcessingResult run(OrderSync claimed, Downstream downstream, Duration budget, String crashPrefix) {
        Duration limit = budget.compareTo(downstream.timeout()) < 0 ? budget : downstream.timeout();
        Connector.Outcome outcome = connector.submit(downstream, claimed.idempotencyKey(), claimed.payload(), limit);
        CrashPoints.reach(crashPrefix + ".after-answer");
        Instant now = clock.instant();
        Classification c = outcome.succeeded() ? null
                : FailureClassifier.classify(outcome.failure(), downstream.rules());
        String masked = c == null ? null : Mask.text(outcome.failure().message());
        OrderSync next = c == null ? claimed.succeeded(outcome.reference(), now)
                : claimed.failed(c, masked, downstream.retries(), now, random);
        try {
            store.write(next);
        } catch (SyncStore.StaleSyncException leaseLost) {
            // the lease expired and the sweeper took the order back: it runs this attempt again, same key
            return ProcessingResult.of(store.find(claimed.orderId()).orElse(claimed), "This attempt outlived its"
                    + " lease; the order is retried with the same idempotency key. Poll the order for the outcome.");
        } catch (StoreUnavailableException unrecorded) {
            LOG.warnf("outcome of attempt %d of order %s not recorded (%s); its lease expires and it is run again",
                    claimed.attempt(), claimed.orderId(), unrecorded.getMessage());
            return ProcessingResult.of(claimed, "The downstream was called but the outcome could not be recorded;"
                    + " the attempt runs again with the same idempotency key. Poll the order for the outcome.");
        }
        metrics.attempt(downstream.name(), next.state(), next.attempt(), outcome.latency());
        if (next.state() == SyncState.ASYNC_PENDING) {
            schedule(next, now);
        }
        FailureTemplate template = c == null || !FailureInbox.records(c) ? null : FailureTemplate.of(
                c.failure().kind(), c.failure().httpStatus(), c.failure().code(), masked);
        if (template != null && FailureInbox.recordsAttempt(c, template, claimed.lastFailure())) {
            // only failures no rule decided, once per order and template, after the outcome is safe: successes,
            // rule-known retries and the same failure again cost no extra write
            inbox.record(downstream.name(), template, c, claimed.orderId(), now);
        }
        return ProcessingResult.of(next);
    }

    /** Sends the retry message of {@code pending}; if the queue is down the sweeper sends it later. */
    public void schedule(OrderSync pending, Instant now) {
        try {
            queue.schedule(pending.orderId(), pending.attempt() + 1, pending.nextAttemptAt(), now);
        } catch (StoreUnavailableException e) {
            // the order is safely ASYNC_PENDING with its due time: the sweeper re-sends overdue orders
            LOG.warnf("retry of order %s not enqueued (%s); the sweeper sends it", pending.orderId(), e.getMessage());
        }
    }
}
