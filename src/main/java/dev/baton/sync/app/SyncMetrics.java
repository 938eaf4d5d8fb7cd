package dev.baton.sync.app;

import java.time.Duration;

import dev.baton.sync.domain.SyncState;

/** Where sync outcomes are counted (CloudWatch Embedded Metric Format in Lambda). */
public interface SyncMetrics {

    /** One attempt against {@code downstream} ended in {@code state} after {@code latency} at the downstream. */
    void attempt(String downstream, SyncState state, int attempt, Duration latency);

    /**
     * {@code orderId}'s sync stopped in {@code state} ({@code DEAD} or {@code NEEDS_REVIEW}) without an attempt
     * (its settings vanished or tightened, or its leases kept being lost): counted like an attempt's outcome, so
     * the alarms on {@code Dead} and {@code NeedsReview} see every order that waits for a human.
     */
    void stopped(String downstream, SyncState state);

    /** The sweeper re-enqueued {@code lost} overdue orders and {@code expired} orders with expired leases. */
    void swept(int lost, int expired);
}
