package dev.baton.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.baton.local.EmbeddedBackends;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The storage floor (issue 16): a plain SDK client in this JVM doing, on the same DynamoDB Local and table, the
 * minimum storage work of a handoff (read the order, write it back conditionally: 1 GetItem + 1 PutItem) and of a
 * sync (read the order and its sync state, write the lease and the outcome: 2 GetItem + 2 PutItem), with items of
 * the size a handed-off order has. Timed one at a time and with the load phases' concurrency; Baton's figures for
 * the same operations divided by these are its overhead: the local gateway, the Runtime API hop, the function's
 * own work and, for a sync, the stand-in insurer's answer.
 */
final class StorageFloor {

    static final String HANDOFF = "handoff";
    static final String SYNC = "sync → SYNCED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String payload = "x".repeat(600);

    StorageFloor(EmbeddedBackends backends, String table) {
        this.dynamo = DynamoDbClient.builder().endpointOverride(backends.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(EmbeddedBackends.credentials()).httpClient(UrlConnectionHttpClient.create())
                .build();
        this.table = table;
    }

    /** p50 latencies (ms) of both operations at concurrency 1 ({@code samples} each) and {@code concurrency}. */
    Map<String, double[]> measure(int samples, int concurrency, Duration duration) throws Exception {
        for (int i = 0; i < 50; i++) { // warm-up, as the harness warms the stack
            handoff(order());
            sync(order());
        }
        Latencies one = new Latencies();
        for (int i = 0; i < samples; i++) {
            time(one, HANDOFF, this::handoff);
            time(one, SYNC, this::sync);
        }
        Latencies many = new Latencies();
        for (String op : List.of(HANDOFF, SYNC)) {
            ExecutorService workers = Executors.newFixedThreadPool(concurrency);
            long end = System.nanoTime() + duration.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        time(many, op, HANDOFF.equals(op) ? this::handoff : this::sync);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            workers.shutdown();
        }
        return Map.of(HANDOFF, new double[] {one.p50Millis(HANDOFF), many.p50Millis(HANDOFF)},
                SYNC, new double[] {one.p50Millis(SYNC), many.p50Millis(SYNC)});
    }

    private interface Op {
        void run(String orderId);
    }

    private void time(Latencies latencies, String op, Op work) {
        String id = order();
        long t = System.nanoTime();
        work.run(id);
        latencies.record(op, System.nanoTime() - t, true);
    }

    /** A fresh order item, as a started order is before its handoff. */
    private String order() {
        String id = "floor-" + UUID.randomUUID();
        dynamo.putItem(b -> b.tableName(table).item(item("floor-order#" + id, 1)));
        return id;
    }

    private void handoff(String id) {
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key("floor-order#" + id)));
        put("floor-order#" + id, 2);
    }

    private void sync(String id) {
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key("floor-order#" + id)));
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key("floor-sync#" + id)));
        dynamo.putItem(b -> b.tableName(table).item(item("floor-sync#" + id, 1))
                .conditionExpression("attribute_not_exists(pk)"));
        put("floor-sync#" + id, 2);
    }

    private void put(String pk, long version) {
        dynamo.putItem(b -> b.tableName(table).item(item(pk, version)).conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version - 1)))));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private Map<String, AttributeValue> item(String pk, long version) {
        return Map.of("pk", AttributeValue.fromS(pk), "version", AttributeValue.fromN(Long.toString(version)),
                "data", AttributeValue.fromS(payload), "state", AttributeValue.fromS("STATE" + version));
    }

    /** The Markdown table: Baton's p50 (from the accounting and load phases) against the floor's, and the ratio. */
    static String markdown(Map<String, double[]> floor, Map<String, double[]> baton, int concurrency) {
        StringBuilder md = new StringBuilder("| operation | storage calls | floor p50 ms, c=1 | Baton p50 ms, c=1 "
                + "| Baton ÷ floor, c=1 | floor p50 ms, c=" + concurrency + " | Baton p50 ms, c=" + concurrency
                + " | Baton ÷ floor, c=" + concurrency + " |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String op : List.of(HANDOFF, SYNC)) {
            double[] f = floor.get(op);
            double[] b = baton.get(op);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | **%.1f** | %.2f | %.2f | **%.1f** |%n",
                    op, HANDOFF.equals(op) ? "1 GetItem + 1 PutItem" : "2 GetItem + 2 PutItem", f[0], b[0],
                    b[0] / f[0], f[1], b[1], b[1] / f[1]));
        }
        return md.toString();
    }
}
