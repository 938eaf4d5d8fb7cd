package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.shared.infra.CrashPoints;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.OrderSync;

/**
 * Re-runs the synchronous processing of an order in async processing, one queue message at a time: a read,
 * the claim ({@code ASYNC_PENDING} at attempt n−1 → {@code SYNCING} at n, a conditional write, so a duplicate
 * delivery, a stale message or a second worker never calls the downstream concurrently), the call, the outcome.
 */
@ApplicationScoped
public class RetryWorker {

    private static final Logger LOG = Logger.getLogger(RetryWorker.class);
    /** A message this early is sent on again instead of processed (SQS delays hop at most 900 s). */
    static final Duration EARLY = Duration.ofSeconds(1);

    private final SyncStore store;
    private final DownstreamCache downstreams;
    private final SyncAttempts attempts;
    private final RetryQueue queue;
    private final SyncTimings timings;
    private final SyncMetrics metrics;
    private final Clock clock;

    RetryWorker(SyncStore store, DownstreamCache downstreams, SyncAttempts attempts, RetryQueue queue,
                SyncTimings timings, SyncMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.downstreams = downstreams;
        this.attempts = attempts;
        this.queue = queue;
        this.timings = timings;
        this.clock = clock;
    }

    /** A retry message: attempt {@code attempt} of {@code orderId}, due at {@code dueAt}. */
    public record RetryMessage(String orderId, int attempt, Instant dueAt) {
    }

    /** What handling a message did. */
    public enum Handled {
        /** The attempt ran and its outcome was recorded. */
        ATTEMPTED,
        /** Not due yet: sent on with the remaining delay. */
        DEFERRED,
        /** A duplicate or stale message (the order is elsewhere): dropped. */
        STALE,
        /** No such order: dropped. */
        UNKNOWN_ORDER,
        /** No attempt is left (the budget is spent, or the settings are gone): recorded as DEAD or NEEDS_REVIEW. */
        EXHAUSTED
    }

    /**
     * Handles one message. Throws only when a backing store failed, so the queue redelivers it; everything
     * else is acknowledged.
     */
    public Handled handle(RetryMessage message) {
        Instant now = clock.instant();
        if (message.dueAt().isAfter(now.plus(EARLY))) {
            queue.schedule(message.orderId(), message.attempt(), message.dueAt(), now);
            return Handled.DEFERRED;
        }
        Optional<OrderSync> found = store.find(message.orderId());
        if (found.isEmpty()) {
            return Handled.UNKNOWN_ORDER;
        }
        OrderSync current = found.get();
        if (!current.isDueFor(message.attempt())) {
            LOG.debugf("retry %d of order %s is stale (order is %s at attempt %d)", message.attempt(),
                    message.orderId(), current.state(), current.attempt());
            return Handled.STALE;
        }
        Optional<Downstream> downstream = downstreams.latest(current.downstream());
        if (downstream.isEmpty()) {
            // settings are never deleted, so a missing one is data damage: retrying cannot help, a human must look
            return giveUp(current.dead(DeadReason.SETTINGS_MISSING, now));
        }
        if (!current.allows(downstream.get().retries(), message.attempt())) {
            return giveUp(current.budgetSpent(now)); // the settings tightened since this attempt was scheduled
        }
        Duration budget = downstream.get().timeout();
        OrderSync claimed = current.claimRetry(message.attempt(), now.plus(budget).plus(timings.leaseMargin()), now);
        try {
            store.claim(current, claimed);
        } catch (SyncStore.StaleSyncException raced) {
            return Handled.STALE; // a duplicate delivery or another worker claimed it first
        }
        CrashPoints.reach("retry.after-claim");
        attempts.run(claimed, downstream.get(), budget, "retry");
        return Handled.ATTEMPTED;
    }

    private Handled giveUp(OrderSync stopped) {
        LOG.warnf("order %s is %s without another attempt: %s", stopped.orderId(), stopped.state(),
                stopped.deadReason());
        try {
            store.write(stopped);
        } catch (SyncStore.StaleSyncException raced) {
            return Handled.STALE;
        }
        metrics.stopped(stopped.downstream(), stopped.state());
        return Handled.EXHAUSTED;
    }
}
