package dev.baton.shared.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import dev.baton.shared.app.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The names of one kind of definition (business types, downstreams), so they can be listed with a Query instead
 * of a Scan: one item per name under {@code pk = DIR#<kind>}, {@code sk = <name>}, written in the same transaction
 * as every publish of that name (see {@link VersionedPublish}), so a listed name always has a published version.
 *
 * <p>Names published before the directory existed have no entry. The first listing that finds the directory
 * without its {@link #COMPLETE} marker backfills it once: one Scan of the definitions table, projected to the
 * keys, a PutItem per head found, then the marker. Concurrent backfills and publishes write the same
 * entries, so either order is correct; afterwards a listing is one Query again.
 */
public final class Directory {

    private static final String PK = "pk";
    private static final String SK = "sk";
    /** The sort key of the marker that says the directory holds every name (it cannot be a name: '#'). */
    static final String COMPLETE = "#complete";

    private Directory() {
    }

    /** The directory item naming {@code name} among the definitions of {@code kind}. */
    public static Map<String, AttributeValue> entry(String kind, String name) {
        return Map.of(PK, AttributeValue.fromS("DIR#" + kind), SK, AttributeValue.fromS(name));
    }

    /**
     * Every name of {@code kind}, sorted; paged through DynamoDB's 1 MB query pages. When the directory has
     * not been completed yet, it is backfilled from the table's head items first: {@code headName} gives the
     * name a head item (its {@code pk} and {@code sk}) publishes, or empty for any other item.
     */
    public static List<String> names(DynamoDbClient dynamo, String table, String kind,
                                     Function<Map<String, AttributeValue>, Optional<String>> headName) {
        TreeSet<String> names = new TreeSet<>(query(dynamo, table, kind));
        if (!names.remove(COMPLETE)) {
            names.addAll(backfill(dynamo, table, kind, headName));
        }
        return List.copyOf(names);
    }

    private static List<String> query(DynamoDbClient dynamo, String table, String kind) {
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

    private static List<String> backfill(DynamoDbClient dynamo, String table, String kind,
                                         Function<Map<String, AttributeValue>, Optional<String>> headName) {
        TreeSet<String> found = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table)
                        .projectionExpression("#pk, #sk").expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .exclusiveStartKey(start).build());
                page.items().forEach(item -> headName.apply(item).ifPresent(found::add));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
            for (String name : found) {
                dynamo.putItem(b -> b.tableName(table).item(entry(kind, name)));
            }
            dynamo.putItem(b -> b.tableName(table).item(entry(kind, COMPLETE)));
        } catch (SdkException e) {
            throw new StoreUnavailableException("Scan", "directory " + kind + " backfill", e);
        }
        return List.copyOf(found);
    }
}
