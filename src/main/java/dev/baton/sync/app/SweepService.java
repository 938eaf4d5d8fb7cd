package dev.baton.sync.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.infra.CrashPoints;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * Recovers orders a lost message or a crashed worker would strand: {@code ASYNC_PENDING} orders overdue by
 * more than the sweep grace (their message was lost), and {@code SYNCING} orders whose lease expired (their
 * process died or overran: {@link OrderSync#leaseExpired}). It reads the sparse due index (never scans the
 * table), moves each order with one conditional transition (so two sweepers at once recover an order once)
 * and sends it a retry message.
 */
@ApplicationScoped
public class SweepService {

    /** Orders looked at per state and due-index shard per run (every shard, every run); the next run takes the rest. */
    static final int BATCH = 25;

    private final SyncStore store;
    private final SyncAttempts attempts;
    private final SyncMetrics metrics;
    private final SyncTimings timings;
    private final Clock clock;

    SweepService(SyncStore store, SyncAttempts attempts, SyncMetrics metrics, SyncTimings timings, Clock clock) {
        this.store = store;
        this.attempts = attempts;
        this.metrics = metrics;
        this.timings = timings;
        this.clock = clock;
    }

    /** What one sweep recovered. */
    public record Report(int lostMessages, int expiredLeases) {
    }

    /** One sweep. */
    public Report sweep() {
        Instant now = clock.instant();
        int[] recovered = new int[2]; // lost messages, expired leases
        recover(SyncState.ASYNC_PENDING, now.minus(timings.sweepGrace()), now, recovered);
        recover(SyncState.SYNCING, now, now, recovered);
        metrics.swept(recovered[0], recovered[1]);
        return new Report(recovered[0], recovered[1]);
    }

    private void recover(SyncState state, Instant dueBefore, Instant now, int[] recovered) {
        for (SyncStore.Due due : store.due(state, dueBefore, BATCH)) {
            Optional<OrderSync> current = store.find(due.orderId());
            // the recorded due time is never later than the real one: a retry's claim stays recorded as due when
            // its attempt was, so the order found under ASYNC_PENDING may be SYNCING, with a live or lost lease
            OrderSync next;
            if (current.isPresent() && current.get().needsRecovery(SyncState.SYNCING, now)) {
                next = current.get().leaseExpired(now);
            } else if (current.isPresent() && current.get().needsRecovery(SyncState.ASYNC_PENDING,
                    now.minus(timings.sweepGrace()))) {
                next = current.get().resend(now);
            } else {
                continue; // moved on since the index was read (e.g. a new lease or a fresh retry), or not due yet
            }
            try {
                store.write(next);
            } catch (SyncStore.StaleSyncException raced) {
                continue; // another sweeper or a worker got there first
            }
            CrashPoints.reach("sweep.after-requeue");
            if (OrderSync.REDRIVABLE.contains(next.state())) {
                metrics.stopped(next.downstream(), next.state()); // its leases kept being lost: DEAD
            }
            if (next.state() == SyncState.ASYNC_PENDING) {
                attempts.schedule(next, now);
            }
            recovered[next.state() == SyncState.ASYNC_PENDING && current.get().state() == SyncState.ASYNC_PENDING
                    ? 0 : 1]++;
        }
    }
}
