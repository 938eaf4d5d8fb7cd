package dev.baton.sync.app;

import java.time.Duration;

import dev.baton.sync.domain.SyncState;

/** Where sync outcomes are counted (CloudWatch Embedded Metric Format in Lambda). */
public interface SyncMetrics {

    /** One attempt against {@code downstream} ended in {@code state} after {@code latency} at the downstream. */
    void attempt(String downstream, SyncState state, int attempt, Duration latency);

    /** The sweeper re-enqueued {@code lost} overdue orders and {@code expired} orders with expired leases. */
    void swept(int lost, int expired);
}
