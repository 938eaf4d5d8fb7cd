package dev.baton.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the template's tables and queues in the local backends (idempotently: existing ones are kept). */
final class LocalResources {

    private final SamTemplate template;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    LocalResources(SamTemplate template, DynamoDbClient dynamo, SqsClient sqs) {
        this.template = template;
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    void createTables() {
        for (SamTemplate.Table table : template.tables()) {
            JsonNode p = table.properties();
            CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes(p.path("AttributeDefinitions")))
                    .keySchema(keys(p.path("KeySchema")));
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            p.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(i.path("IndexName").asText()).keySchema(keys(i.path("KeySchema")))
                    .projection(projection(i.path("Projection"))).build()));
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
            String streamView = p.path("StreamSpecification").path("StreamViewType").asText(null);
            if (streamView != null) {
                request.streamSpecification(st -> st.streamEnabled(true).streamViewType(streamView));
            }
            try {
                dynamo.createTable(request.build());
            } catch (ResourceInUseException alreadyThere) {
                // kept from an earlier run (BATON_DATA_DIR): add the indexes and the stream a newer template has
                addMissingIndexes(table.name(), attributes(p.path("AttributeDefinitions")), indexes);
                addMissingStream(table.name(), streamView);
            }
        }
    }

    private static Projection projection(JsonNode p) {
        Projection.Builder projection = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
        if (p.has("NonKeyAttributes")) { // KEYS_ONLY and ALL take none, not even an empty list
            projection.nonKeyAttributes(texts(p.path("NonKeyAttributes")));
        }
        return projection.build();
    }

    /**
     * Brings a table kept from an earlier run (BATON_DATA_DIR) to the template's indexes: drops the ones the
     * template no longer has (a local data folder is the developer's own: nothing else reads them), then creates
     * the missing ones. DynamoDB Local builds a new index from the existing items at once; the sync items' new
     * index attributes are written by {@code SyncIndexBackfill} (run at start-up by {@link EmbeddedBackends}).
     */
    private void addMissingIndexes(String table, List<AttributeDefinition> attributes,
                                   List<GlobalSecondaryIndex> wanted) {
        var existing = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                .map(i -> i.indexName()).toList();
        var names = wanted.stream().map(GlobalSecondaryIndex::indexName).toList();
        for (String obsolete : existing) {
            if (!names.contains(obsolete)) {
                dynamo.updateTable(b -> b.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d
                        .indexName(obsolete))));
            }
        }
        for (GlobalSecondaryIndex index : wanted) {
            if (!existing.contains(index.indexName())) {
                dynamo.updateTable(b -> b.tableName(table).attributeDefinitions(attributes)
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
            }
        }
    }

    private void addMissingStream(String table, String streamView) {
        var current = dynamo.describeTable(b -> b.tableName(table)).table().streamSpecification();
        if (streamView != null && (current == null || !Boolean.TRUE.equals(current.streamEnabled()))) {
            dynamo.updateTable(b -> b.tableName(table).streamSpecification(st -> st.streamEnabled(true)
                    .streamViewType(streamView)));
        }
    }

    /** Creates dead-letter queues first, then the queues that redrive to them; answers URLs by logical id. */
    Map<String, String> createQueues() {
        Map<String, String> urls = new LinkedHashMap<>();
        List<SamTemplate.Queue> queues = template.queues();
        queues.stream().filter(q -> q.properties().path("RedrivePolicy").isMissingNode())
                .forEach(q -> urls.put(q.logicalId(), create(q, urls)));
        queues.stream().filter(q -> !q.properties().path("RedrivePolicy").isMissingNode())
                .forEach(q -> urls.put(q.logicalId(), create(q, urls)));
        return urls;
    }

    private String create(SamTemplate.Queue queue, Map<String, String> created) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        JsonNode p = queue.properties();
        if (p.path("VisibilityTimeout").canConvertToInt()) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, p.path("VisibilityTimeout").asText());
        }
        if (p.path("MessageRetentionPeriod").canConvertToInt()) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, p.path("MessageRetentionPeriod").asText());
        }
        JsonNode redrive = p.path("RedrivePolicy");
        if (!redrive.isMissingNode()) {
            String dlq = redrive.path("deadLetterTargetArn").asText();
            String dlqId = dlq.contains(".") ? dlq.substring(0, dlq.indexOf('.')) : dlq;
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(created.get(dlqId))
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":\"" + redrive.path("maxReceiveCount").asText("5") + "\"}");
        }
        return sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes)).queueUrl();
    }

    private static List<AttributeDefinition> attributes(JsonNode node) {
        List<AttributeDefinition> out = new ArrayList<>();
        node.forEach(a -> out.add(AttributeDefinition.builder().attributeName(a.path("AttributeName").asText())
                .attributeType(a.path("AttributeType").asText()).build()));
        return out;
    }

    private static List<KeySchemaElement> keys(JsonNode node) {
        List<KeySchemaElement> out = new ArrayList<>();
        node.forEach(k -> out.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out.isEmpty() ? null : out;
    }
}
