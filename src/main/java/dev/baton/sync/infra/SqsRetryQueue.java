package dev.baton.sync.infra;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.RetryQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link RetryQueue} on SQS. The body is {@code {"orderId","attempt","dueAt"}} (no personal data); the
 * delivery delay is the time until {@code dueAt}, capped at SQS's 900 s — the consumer sends an early
 * message on again until it is due.
 */
@ApplicationScoped
public class SqsRetryQueue implements RetryQueue {

    /** The longest delay SQS allows on one message. */
    public static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    SqsRetryQueue(SqsClient sqs, BatonConfig config) {
        this.sqs = sqs;
        this.queueUrl = config.queues().retry();
    }

    @Override
    public void schedule(String orderId, int attempt, Instant dueAt, Instant now) {
        long seconds = Math.max(0, Duration.between(now, dueAt).toMillis() + 999) / 1000;
        int delay = (int) Math.min(MAX_DELAY_SECONDS, seconds);
        var body = CanonicalJson.mapper().createObjectNode().put("orderId", orderId).put("attempt", attempt)
                .put("dueAt", dueAt.toString());
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(CanonicalJson.text(body)).delaySeconds(delay));
        } catch (SdkException e) {
            throw new StoreUnavailableException("SendMessage", "retry of order " + orderId, e);
        }
    }
}
