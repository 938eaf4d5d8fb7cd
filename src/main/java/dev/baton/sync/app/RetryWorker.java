package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.infra.CrashPoints;
import dev.baton.sync.domain.Downstream;

/**
 * Re-runs the synchronous processing of an order in async processing, one queue message at a time. The
 * lease is one conditional write ({@code ASYNC_PENDING} at attempt n−1 → {@code SYNCING} at n), so a
 * duplicate delivery, a stale message or a second worker never calls the downstream concurrently.
 */
@ApplicationScoped
public class RetryWorker {

    private static final Logger LOG = Logger.getLogger(RetryWorker.class);
    /** A message this early is sent on again instead of processed (SQS delays hop at most 900 s). */
    static final Duration EARLY = Duration.ofSeconds(1);
    /** A worker's lease: the longest downstream timeout plus a margin; an expired lease is the sweeper's. */
    static final Duration LEASE = Downstream.MAX_TIMEOUT.plus(SyncService.LEASE_MARGIN);

    private final SyncStore store;
    private final DownstreamCache downstreams;
    private final SyncService sync;
    private final RetryQueue queue;
    private final Clock clock;

    RetryWorker(SyncStore store, DownstreamCache downstreams, SyncService sync, RetryQueue queue, Clock clock) {
        this.store = store;
        this.downstreams = downstreams;
        this.sync = sync;
        this.queue = queue;
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
        /** The attempt budget was used up (a crashed last attempt): recorded as DEAD. */
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
        SyncStore.Claim claim;
        try {
            // the lease covers the longest downstream timeout: the claim comes before the order (and so its
            // downstream) is known, which keeps an attempt at two DynamoDB calls
            claim = store.claim(message.orderId(), Set.of(SyncState.ASYNC_PENDING), message.attempt() - 1,
                    message.attempt(), now.plus(LEASE), now, null, null);
        } catch (NotFoundException e) {
            return Handled.UNKNOWN_ORDER;
        }
        if (!claim.won()) {
            LOG.debugf("retry %d of order %s is stale (order is %s at attempt %d)", message.attempt(),
                    message.orderId(), claim.order().syncState(), claim.order().sync().attempt());
            return Handled.STALE;
        }
        CrashPoints.reach("retry.after-claim");
        Order claimed = claim.order();
        Downstream downstream = downstreams.latest(claimed.sync().downstream()).orElse(null);
        if (downstream == null) {
            // settings are never deleted, so this is data damage: retrying cannot help, a human must look
            LOG.errorf("order %s names downstream settings that do not exist; recorded as DEAD", claimed.id());
            sync.giveUp(claimed);
            return Handled.EXHAUSTED;
        }
        if (message.attempt() > downstream.retry().maxAttempts()) {
            sync.giveUp(claimed);
            return Handled.EXHAUSTED;
        }
        sync.attempt(claimed, downstream);
        return Handled.ATTEMPTED;
    }
}
