package dev.baton.sync.app;

import java.time.Duration;

/**
 * The timings of order sync that are settings rather than constants.
 *
 * @param leaseMargin added to an attempt's time budget for its lease, so a live attempt is never taken over
 * @param sweepGrace  how overdue an {@code ASYNC_PENDING} order must be before its message counts as lost
 */
public record SyncTimings(Duration leaseMargin, Duration sweepGrace) {

    public SyncTimings {
        if (leaseMargin.isNegative() || leaseMargin.isZero() || sweepGrace.isNegative()) {
            throw new IllegalArgumentException("leaseMargin must be positive and sweepGrace not negative");
        }
    }
}
