package dev.baton.sync.app;

import java.time.Duration;

/**
 * The timings of order sync that are settings rather than constants.
 *
 * @param leaseMargin added to an attempt's time budget for its lease, so a live attempt is never taken over
 * @param sweepGrace  how overdue an {@code ASYNC_PENDING} order must be before its message counts as lost
 */
public record SyncTimings(Duration leaseMargin, Duration sweepGrace) {

    /**
     * A sync call answers within this time of its start, whatever the downstream does: API Gateway drops a caller
     * after 30 s, and the reads, the claim and the outcome write need the rest. A downstream call that cannot end
     * in time is cut there and counts as a timeout (so the order goes to async processing, not to a dropped caller).
     */
    public static final Duration SYNC_CALL_BUDGET = Duration.ofSeconds(25);

    public SyncTimings {
        if (leaseMargin.isNegative() || leaseMargin.isZero() || sweepGrace.isNegative()) {
            throw new IllegalArgumentException("leaseMargin must be positive and sweepGrace not negative");
        }
    }
}
