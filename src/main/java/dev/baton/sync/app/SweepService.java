package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.order.domain.SyncState;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.CrashPoints;

/**
 * Recovers orders a lost message or a crashed worker would strand: {@code ASYNC_PENDING} orders overdue by
 * more than {@link #GRACE}, and {@code SYNCING} orders whose lease expired. It reads the sparse due index
 * (never scans the table), moves each order with one conditional write (so two sweepers at once recover an
 * order once) and sends it a retry message for its next attempt.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);
    /** How overdue an order must be before its message counts as lost. */
    static final Duration GRACE = Duration.ofSeconds(60);
    /** Orders recovered per state per run; the next run takes the rest. */
    static final int BATCH = 200;

    private final SyncStore store;
    private final RetryQueue queue;
    private final SyncMetrics metrics;
    private final Clock clock;

    SweepService(SyncStore store, RetryQueue queue, SyncMetrics metrics, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What one sweep recovered. */
    public record Report(int lostMessages, int expiredLeases) {
    }

    /** One sweep. */
    public Report sweep() {
        Instant now = clock.instant();
        int lost = recover(SyncState.ASYNC_PENDING, now.minus(GRACE), now);
        int expired = recover(SyncState.SYNCING, now, now);
        metrics.swept(lost, expired);
        return new Report(lost, expired);
    }

    private int recover(SyncState state, Instant dueBefore, Instant now) {
        int recovered = 0;
        for (SyncStore.Due due : store.due(state, dueBefore, BATCH)) {
            if (!store.requeue(due.orderId(), state, due.attempt(), due.dueAt(), due.attempt(), now, now, false)) {
                continue; // another sweeper or a worker got there first
            }
            CrashPoints.reach("sweep.after-requeue");
            try {
                queue.schedule(due.orderId(), due.attempt() + 1, now, now);
                recovered++;
            } catch (StoreUnavailableException e) {
                // still ASYNC_PENDING and due now: the next sweep sends it
                LOG.warnf("sweeper could not enqueue order %s: %s", due.orderId(), e.getMessage());
            }
        }
        return recovered;
    }
}
