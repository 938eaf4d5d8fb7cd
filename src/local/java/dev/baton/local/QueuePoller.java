package dev.baton.local;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The local stand-in for Lambda's SQS event source mapping: long-polls a queue in batches, invokes the
 * function with an SQS event, and deletes only the messages not reported in {@code batchItemFailures}
 * (the others become visible again after the visibility timeout, and reach the DLQ after maxReceiveCount).
 */
public final class QueuePoller implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RuntimeApiEmulator function;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts polling {@code queueUrl} for {@code function}. */
    public QueuePoller(SqsClient sqs, String queueUrl, String queueArn, RuntimeApiEmulator function, int batchSize) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "sqs-poller");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)
                        .maxNumberOfMessages(batchSize).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("[sqs-poller] " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            JsonNode response = JSON.readTree(function.invoke(event(messages).toString()).get());
            response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        } catch (Exception e) {
            return; // the whole batch failed: every message becomes visible again
        }
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private ObjectNode event(List<Message> messages) {
        return event(messages, queueArn);
    }

    /** An SQS event as Lambda builds it (the shape of AWS's sample SQS event). */
    public static ObjectNode event(List<Message> messages, String queueArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            r.putObject("messageAttributes");
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", EmbeddedBackends.REGION);
        }
        return event;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

}
