package dev.baton.sync.app;

import java.time.Instant;

/** The queue that triggers the next attempt of an order in async processing (an SQS queue in AWS). */
public interface RetryQueue {

    /**
     * Schedules attempt {@code attempt} of {@code orderId} for {@code dueAt}. The message holds the order id
     * and attempt only — never personal data. SQS delays a message at most 900 s; a later due time is
     * reached by hops (the consumer re-schedules early messages).
     *
     * @throws dev.baton.shared.app.StoreUnavailableException when the queue cannot be reached
     */
    void schedule(String orderId, int attempt, Instant dueAt, Instant now);
}
