package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.order.app.OrderStore;
import dev.baton.order.domain.CollectedData;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;
import dev.baton.order.domain.SyncStatus;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Mask;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureClassifier;

/**
 * Runs the synchronous processing of an order against a downstream and decides what follows: synced,
 * async processing with a retry scheduled, invalid data or a rejection, or dead after the last attempt.
 * Each attempt is a claim (one conditional write that returns the order), the downstream call, and one
 * conditional write of the outcome.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /** States a sync call may start from; the others are answered as they are. */
    static final Set<SyncState> STARTABLE = Set.of(SyncState.NOT_SYNCED, SyncState.INVALID, SyncState.REJECTED);
    /** Added to the downstream timeout for the lease, so a slow but live attempt is never taken over. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final SyncStore store;
    private final DownstreamCache downstreams;
    private final Connector connector;
    private final RetryQueue queue;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final RandomGenerator random;

    SyncService(SyncStore store, DownstreamCache downstreams, Connector connector, RetryQueue queue,
                SyncMetrics metrics, Clock clock, RandomGenerator random) {
        this.store = store;
        this.downstreams = downstreams;
        this.connector = connector;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Syncs {@code orderId} to {@code downstreamName} now. An order that is syncing, waiting for a retry or
     * synced is answered as it is, without calling the downstream; an invalid or rejected one starts again
     * with a new idempotency key.
     */
    public ProcessingResult sync(String orderId, String downstreamName, Optional<NodeData> payload) {
        Downstream downstream = downstreams.latest(downstreamName).orElseThrow(() ->
                new InvalidInputException("downstream", "no downstream named " + downstreamName));
        Instant now = clock.instant();
        SyncStore.Claim claim = store.claim(orderId, STARTABLE, null, 1, now.plus(downstream.timeout())
                .plus(LEASE_MARGIN), now, UUID.randomUUID().toString(), downstreamName);
        if (!claim.won()) {
            return ProcessingResult.of(claim.order());
        }
        Order order = claim.order();
        NodeData body = payload.orElseGet(() -> CollectedData.of(order));
        return attempt(withPayload(order, body), downstream);
    }

    /**
     * Runs the attempt {@code claimed} holds the lease for (its sync status is {@code SYNCING} with the
     * payload recorded) and records the outcome. Used by sync calls and by the retry worker.
     */
    public ProcessingResult attempt(Order claimed, Downstream downstream) {
        SyncStatus s = claimed.sync();
        Connector.Outcome outcome = connector.submit(downstream, s.idempotencyKey(), s.payload());
        Instant now = clock.instant();
        SyncStatus next;
        if (outcome.succeeded()) {
            next = new SyncStatus(SyncState.SYNCED, s.attempt(), s.idempotencyKey(), s.downstream(),
                    s.firstAttemptAt(), null, null, s.lastFailure(), outcome.reference(), s.payload(), now);
        } else {
            next = afterFailure(s, FailureClassifier.classify(outcome.failure(), downstream.rules()), downstream,
                    now);
        }
        Order recorded = claimed.withSync(next, now);
        try {
            store.record(recorded, s.attempt(), s.idempotencyKey());
        } catch (OrderStore.ConcurrentUpdateException leaseLost) {
            // the lease expired and the sweeper took the order back: it retries with the same key
            throw new ConflictException("lease-lost", "Order " + claimed.id() + " took longer than its lease;"
                    + " it is retried with the same idempotency key.");
        }
        metrics.attempt(downstream.name(), next.state(), s.attempt(), outcome.latency());
        if (next.state() == SyncState.ASYNC_PENDING) {
            schedule(recorded, now);
        }
        return ProcessingResult.of(recorded);
    }

    private SyncStatus afterFailure(SyncStatus s, Classification c, Downstream downstream, Instant now) {
        SyncStatus.LastFailure last = SyncStatus.LastFailure.of(c, Mask.text(c.failure().message()), now);
        SyncState state = switch (c.category()) {
            case TRANSIENT, THROTTLED, UNKNOWN -> SyncState.ASYNC_PENDING;
            case INVALID_DATA -> SyncState.INVALID;
            case REJECTED -> SyncState.REJECTED;
        };
        Instant nextAt = null;
        if (state == SyncState.ASYNC_PENDING) {
            nextAt = downstream.retry().nextAttemptAt(s.attempt(), s.firstAttemptAt(), now,
                    c.failure().retryAfter(), random).orElse(null);
            state = nextAt == null ? SyncState.DEAD : state;
        }
        return new SyncStatus(state, s.attempt(), s.idempotencyKey(), s.downstream(), s.firstAttemptAt(), nextAt,
                null, last, null, s.payload(), now);
    }

    /**
     * Records {@code claimed} as {@code DEAD} without calling the downstream: its attempt budget is used up
     * (a crashed last attempt was recovered by the sweeper). The last classification is kept.
     */
    public ProcessingResult giveUp(Order claimed) {
        SyncStatus s = claimed.sync();
        Instant now = clock.instant();
        Order dead = claimed.withSync(new SyncStatus(SyncState.DEAD, s.attempt() - 1, s.idempotencyKey(),
                s.downstream(), s.firstAttemptAt(), null, null, s.lastFailure(), null, s.payload(), now), now);
        store.record(dead, s.attempt(), s.idempotencyKey());
        metrics.attempt(s.downstream(), SyncState.DEAD, s.attempt() - 1, Duration.ZERO);
        return ProcessingResult.of(dead);
    }

    private void schedule(Order order, Instant now) {
        try {
            queue.schedule(order.id(), order.sync().attempt() + 1, order.sync().nextAttemptAt(), now);
        } catch (StoreUnavailableException e) {
            // The order is safely ASYNC_PENDING with its due time: the sweeper re-enqueues overdue orders.
            LOG.warnf("retry of order %s not enqueued (%s); the sweeper will pick it up", order.id(), e.getMessage());
        }
    }

    private static Order withPayload(Order order, NodeData payload) {
        SyncStatus s = order.sync();
        return new Order(order.id(), order.businessType(), order.owner(), order.pins(), order.progress(),
                order.handoffs(), order.grants(), order.startedBy(), order.data(),
                new SyncStatus(s.state(), s.attempt(), s.idempotencyKey(),
                s.downstream(), s.firstAttemptAt(), s.nextAttemptAt(), s.leaseUntil(), s.lastFailure(), s.reference(),
                payload, s.changedAt()), order.requestHash(), order.version(), order.createdAt(), order.updatedAt());
    }
}
