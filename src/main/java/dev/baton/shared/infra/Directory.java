package dev.baton.shared.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.baton.shared.app.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The names of one kind of definition (business types, downstreams), so they can be listed with a Query instead
 * of a Scan: one item per name under {@code pk = DIR#<kind>}, {@code sk = <name>}, written in the same transaction
 * as every publish of that name (see {@link VersionedPublish}), so a listed name always has a published version.
 */
public final class Directory {

    private static final String PK = "pk";
    private static final String SK = "sk";

    private Directory() {
    }

    /** The directory item naming {@code name} among the definitions of {@code kind}. */
    public static Map<String, AttributeValue> entry(String kind, String name) {
        return Map.of(PK, AttributeValue.fromS("DIR#" + kind), SK, AttributeValue.fromS(name));
    }

    /** Every name of {@code kind}, sorted; paged through DynamoDB's 1 MB query pages. */
    public static List<String> names(DynamoDbClient dynamo, String table, String kind) {
        List<String> names = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("DIR#" + kind)))
                    .exclusiveStartKey(start).build();
            QueryResponse page;
            try {
                page = dynamo.query(request);
            } catch (SdkException e) {
                throw new StoreUnavailableException("Query", "directory " + kind, e);
            }
            page.items().forEach(item -> names.add(item.get(SK).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return names;
    }
}
