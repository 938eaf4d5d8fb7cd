package dev.baton.function;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.shared.domain.Ids;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.RetryWorker;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of the retry worker, triggered by the retry queue. Funqy hands each record of a
 * batch to this method on its own and reports the records that threw in {@code batchItemFailures}, so a
 * failing record never fails its batch mates. A malformed message is logged (by message id, never its
 * body) and acknowledged: retrying it cannot help. Deployed with {@code QUARKUS_FUNQY_EXPORT=order-retry}.
 */
public class OrderRetryFunction {

    private static final Logger LOG = Logger.getLogger(OrderRetryFunction.class);

    private final RetryWorker worker;

    OrderRetryFunction(RetryWorker worker) {
        this.worker = worker;
    }

    /** Handles one retry message; throws only when it should be delivered again. */
    @Funq("order-retry")
    public void retry(SQSEvent.SQSMessage message) {
        RetryWorker.RetryMessage retry = parse(message.getBody());
        if (retry == null) {
            LOG.warnf("malformed retry message %s acknowledged without processing", message.getMessageId());
            return;
        }
        RetryWorker.Handled handled = worker.handle(retry);
        LOG.debugf("retry message %s for order %s: %s", message.getMessageId(), retry.orderId(), handled);
    }

    static RetryWorker.RetryMessage parse(String body) {
        try {
            JsonNode json = CanonicalJson.parse(body == null ? "" : body);
            String orderId = json.path("orderId").asText("");
            int attempt = json.path("attempt").asInt(0);
            if (!json.isObject() || !Ids.isOrderId(orderId) || attempt < 1 || attempt > 1000
                    || !json.path("attempt").isInt()) {
                return null;
            }
            return new RetryWorker.RetryMessage(orderId, attempt, Instant.parse(json.path("dueAt").asText("")));
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
