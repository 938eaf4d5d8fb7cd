package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.CollectedData;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.TooLargeException;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.infra.CrashPoints;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.TimeBudget;

/**
 * Runs the synchronous processing of an order against a downstream (docs/semantics.md, "Sync semantics").
 * A sync call reads the order and its sync state, records the claim with everything the attempt needs
 * (write-ahead: payload, downstream, idempotency key), calls the downstream before {@link
 * TimeBudget#SYNCHRONOUS_DEADLINE}, and records the outcome: two reads, two conditional writes, one call.
 */
@ApplicationScoped
public class SyncService {

    private final SyncStore store;
    private final OrderService orders;
    private final DownstreamCache downstreams;
    private final SyncAttempts attempts;
    private final SyncTimings timings;
    private final Clock clock;

    SyncService(SyncStore store, OrderService orders, DownstreamCache downstreams, SyncAttempts attempts,
                SyncTimings timings, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.downstreams = downstreams;
        this.attempts = attempts;
        this.timings = timings;
        this.clock = clock;
    }

    /**
     * Syncs {@code orderId} to {@code downstreamName} now. An order that is syncing, waiting for a retry, synced,
     * dead or waiting for review is answered as it is, without calling the downstream; a new, invalid or rejected one starts a new
     * sync with a new idempotency key. {@code payload} defaults to the order's collected data.
     *
     * @throws NotFoundException     when there is no such order
     * @throws TooLargeException     when the payload could not be recorded (nothing changed, nothing sent)
     * @throws InvalidInputException when there is no such downstream
     */
    public ProcessingResult sync(String orderId, String downstreamName, Optional<NodeData> payload) {
        return sync(orderId, downstreamName, payload, Caller.TRUSTED);
    }

    /**
     * {@link #sync(String, String, Optional)} for {@code caller}, who must be allowed to write the order (its owning
     * terminal); anyone else is answered exactly like an unknown order. The check uses the sync's own read.
     */
    public ProcessingResult sync(String orderId, String downstreamName, Optional<NodeData> payload, Caller caller) {
        Instant start = clock.instant();
        // who may sync is checked first: a stranger learns nothing, not even which downstreams exist
        Order order = orders.writable(orderId, caller);
        Downstream downstream = downstreams.latest(downstreamName).orElseThrow(() ->
                new InvalidInputException("downstream", "no downstream named " + downstreamName));
        OrderSync current = store.find(orderId).orElseGet(() -> OrderSync.never(orderId, start));
        if (!OrderSync.STARTABLE.contains(current.state())) {
            return ProcessingResult.of(current);
        }
        NodeData body = payload.orElseGet(() -> CollectedData.of(order));
        if (body.bytes() > SyncStore.MAX_PAYLOAD_BYTES) {
            throw new TooLargeException("The sync payload of order " + orderId + " is " + body.bytes()
                    + " bytes; at most " + SyncStore.MAX_PAYLOAD_BYTES + " can be recorded. Nothing was sent.");
        }
        Instant now = clock.instant();
        // the exchange ends by the downstream's timeout or the synchronous deadline, whichever comes first; the
        // lease outlives it by the margin, so only a dead (or frozen) caller's attempt is ever taken back
        Instant deadline = earliest(now.plus(downstream.timeout()), start.plus(TimeBudget.SYNCHRONOUS_DEADLINE));
        OrderSync claimed = current.start(UUID.randomUUID().toString(), downstreamName, order.businessType(), body,
                deadline.plus(timings.leaseMargin()), now);
        try {
            store.claim(current, claimed);
        } catch (SyncStore.StaleSyncException raced) {
            // another caller started this order's sync between our read and write: answer its state
            return ProcessingResult.of(store.find(orderId).orElseThrow());
        }
        CrashPoints.reach("sync.after-claim");
        return attempts.run(claimed, downstream, Duration.between(clock.instant(), deadline), "sync");
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
