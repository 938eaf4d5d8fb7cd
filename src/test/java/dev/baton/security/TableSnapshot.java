package dev.baton.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Every item of some tables (a consistent Scan of each), compared as sets of items. */
final class TableSnapshot {

    private final Map<String, Set<Map<String, AttributeValue>>> items;

    private TableSnapshot(Map<String, Set<Map<String, AttributeValue>>> items) {
        this.items = items;
    }

    /** Scans each table (label → table name). */
    static TableSnapshot of(DynamoDbClient dynamo, Map<String, String> tables) {
        Map<String, Set<Map<String, AttributeValue>>> all = new TreeMap<>();
        tables.forEach((label, table) -> {
            Set<Map<String, AttributeValue>> set = new HashSet<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true);
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scan(request.build());
                page.items().forEach(item -> set.add(new TreeMap<>(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            all.put(label, set);
        });
        return new TableSnapshot(all);
    }

    /** How many items were added, removed or changed between this snapshot and {@code later}. */
    int changedItems(TableSnapshot later) {
        int n = 0;
        for (String table : items.keySet()) {
            Set<Map<String, AttributeValue>> a = items.get(table);
            Set<Map<String, AttributeValue>> b = later.items.getOrDefault(table, Set.of());
            n += a.stream().filter(i -> !b.contains(i)).count();
            n += b.stream().filter(i -> !a.contains(i)).count();
        }
        return n;
    }

    /** The items that differ ("+" added or new state, "-" removed or old state), or empty when none. */
    String diff(TableSnapshot later) {
        List<String> out = new ArrayList<>();
        for (String table : items.keySet()) {
            Set<Map<String, AttributeValue>> a = items.get(table);
            Set<Map<String, AttributeValue>> b = later.items.getOrDefault(table, Set.of());
            a.stream().filter(i -> !b.contains(i)).forEach(i -> out.add(table + " - " + keyOf(i)));
            b.stream().filter(i -> !a.contains(i)).forEach(i -> out.add(table + " + " + keyOf(i)));
        }
        return String.join("; ", out);
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        Map<String, String> key = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (v.s() != null && v.s().length() < 100) {
                key.put(k, v.s());
            }
        });
        return key.toString();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
