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

    /** Orders recovered per state per run; the next run takes the rest. */
    static final int BATCH = 200;

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
        int lost = recover(SyncState.ASYNC_PENDING, now.minus(timings.sweepGrace()), now);
        int expired = recover(SyncState.SYNCING, now, now);
        metrics.swept(lost, expired);
        return new Report(lost, expired);
    }

    private int recover(SyncState state, Instant dueBefore, Instant now) {
        int recovered = 0;
        for (SyncStore.Due due : store.due(state, dueBefore, BATCH)) {
            Optional<OrderSync> current = store.find(due.orderId());
            if (current.isEmpty() || !current.get().needsRecovery(state, dueBefore)) {
                continue; // moved on since the index was read (e.g. a new lease or a fresh retry)
            }
            OrderSync next = state == SyncState.SYNCING ? current.get().leaseExpired(now) : current.get().resend(now);
            try {
                store.write(next);
            } catch (SyncStore.StaleSyncException raced) {
                continue; // another sweeper or a worker got there first
            }
            CrashPoints.reach("sweep.after-requeue");
            if (next.state() == SyncState.ASYNC_PENDING) {
                attempts.schedule(next, now);
            }
            recovered++;
        }
        return recovered;
    }
}
