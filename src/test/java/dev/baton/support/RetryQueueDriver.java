package dev.baton.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.local.QueuePoller;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Plays Lambda's SQS event source mapping in tests: takes messages from the real retry queue (ElasticMQ),
 * delivers them to the function under test as an SQS event, and deletes those it did not report failed.
 */
public final class RetryQueueDriver {

    private final SqsClient sqs = LocalBackendsResource.backends().sqs();
    private final String url = LocalBackendsResource.backends().queueUrls().get("RetryQueue");
    private final String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings().get("QueueArn");

    /** Removes every message now visible (messages of earlier tests). */
    public void purge() {
        sqs.purgeQueue(b -> b.queueUrl(url));
    }

    /** Long-polls (up to {@code waitSeconds}) for up to ten messages. */
    public List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(waitSeconds).maxNumberOfMessages(10))
                .messages();
    }

    /** Removes {@code message} without delivering it (a lost message). */
    public void lose(Message message) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
    }

    /** Delivers {@code messages} as one SQS event; answers the ids reported in batchItemFailures. */
    public Set<String> deliver(List<Message> messages) {
        JsonNode response = Api.invokeRaw(QueuePoller.event(messages, arn).toString());
        Set<String> failed = new HashSet<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        for (Message m : messages) {
            if (!failed.contains(m.messageId()) && !m.receiptHandle().startsWith("local-")) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return failed;
    }

    /** Delivers every message that arrives until none arrives for {@code quietSeconds}; answers how many. */
    public int drain(int quietSeconds, int maxBatches) {
        int delivered = 0;
        for (int i = 0; i < maxBatches; i++) {
            List<Message> batch = receive(quietSeconds);
            if (batch.isEmpty()) {
                return delivered;
            }
            deliver(new ArrayList<>(batch));
            delivered += batch.size();
        }
        return delivered;
    }

    /** A message with this body, as if SQS delivered it (for duplicate and poison deliveries). */
    public static Message message(String body) {
        return Message.builder().messageId(java.util.UUID.randomUUID().toString())
                .receiptHandle("local-" + java.util.UUID.randomUUID()).body(body).md5OfBody("").build();
    }
}
