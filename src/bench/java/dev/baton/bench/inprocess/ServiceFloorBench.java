package dev.baton.bench.inprocess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.function.HandoffFunction;
import dev.baton.function.OrderSyncFunction;
import dev.baton.local.ApiEvents;
import dev.baton.local.LocalInsurer;
import dev.baton.order.app.OrderService;
import dev.baton.order.app.ProgressService;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Definitions;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Baton's own cost, like for like (issue 16; {@code infra/bench/inprocess.sh}): in one JVM, on one DynamoDB Local,
 * with the application's own DynamoDB client (one client, shared by every thread), it times
 * <ul>
 * <li><b>Baton, service</b>: the handoff's and the sync's application service ({@code ProgressService.handoff},
 * {@code SyncService.sync}), as a route calls them;</li>
 * <li><b>Baton, function</b>: the whole function in-process — an API Gateway event's JSON read into the event
 * object, {@code HandoffFunction}/{@code OrderSyncFunction.handle} (routing, input checks, access, the service,
 * the view) and the response written as JSON — what Lambda runs between its own runtime hops;</li>
 * <li><b>the floor</b>: the same client doing only the storage work of the operation, with the very items
 * Baton wrote (captured from its requests, keys changed) and the same conditions — a handoff 1 consistent GetItem
 * + 1 conditional PutItem; a sync 2 consistent GetItem + 2 conditional PutItem and the same POST to the same
 * stand-in insurer with the JDK HTTP client Baton uses. The insurer's own time is reported apart.</li>
 * </ul>
 * Orders are prepared (started, three steps, handed off for a sync) outside the timed part, the same way for every
 * subject. At concurrency 1 the subjects take turns sample by sample; at concurrency N each runs N threads for
 * half the duration, twice, in the order A B C C B A, so a change in the machine's load falls on all alike.
 * Also splits each operation's time into DynamoDB calls ({@link StorageClock}) and the rest. Reports; never
 * asserts a time. System properties: {@code bench.samples} (300), {@code bench.concurrency} (8),
 * {@code bench.duration} (seconds, 10), {@code bench.warmup} (400).
 */
@QuarkusTest
@TestProfile(InProcessProfile.class)
class ServiceFloorBench {

    private static final String HANDOFF = "handoff";
    private static final String SYNC = "sync → SYNCED";
    private static final String BATON = "Baton, service";
    private static final String FUNCTION = "Baton, function";
    private static final String FLOOR = "floor";

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    OrderService orders;
    @Inject
    ProgressService progress;
    @Inject
    SyncService sync;
    @Inject
    DownstreamService downstreams;
    @Inject
    HandoffFunction handoffFunction;
    @Inject
    OrderSyncFunction syncFunction;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "baton.tables.orders")
    String table;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicLong sequence = new AtomicLong();
    private ObjectMapper lambdaJson;
    private Definitions defs;
    private String downstream;
    private URI proposals;
    private Map<String, AttributeValue> handoffItem;
    private Map<String, AttributeValue> claimItem;
    private Map<String, AttributeValue> outcomeItem;

    /** One timed operation on a prepared order; answers the DynamoDB time it spent and the insurer's (ns). */
    private interface Op {
        long[] run(String orderId, int worker) throws Exception;
    }

    private record Subject(String op, String who, boolean handedOff, Op work) {
        String key() {
            return op + " | " + who;
        }
    }

    /** Samples per key: total, DynamoDB and insurer nanoseconds. */
    private static final class Samples {
        final Map<String, List<long[]>> byKey = new ConcurrentHashMap<>();

        void add(String key, long total, long[] parts) {
            byKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {total, parts[0], parts[1]});
        }

        double p(String key, int part, double quantile) {
            List<long[]> list = byKey.getOrDefault(key, List.of());
            if (list.isEmpty()) {
                return Double.NaN;
            }
            long[] values;
            synchronized (list) {
                values = list.stream().mapToLong(s -> s[part]).sorted().toArray();
            }
            return values[(int) Math.min(values.length - 1, Math.floor(quantile * values.length))] / 1e6;
        }

        int count(String key) {
            return byKey.getOrDefault(key, List.of()).size();
        }
    }

    @Test
    void measure() throws Exception {
        int samples = Integer.getInteger("bench.samples", 300);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.duration", 10));
        int warmup = Integer.getInteger("bench.warmup", 400);
        lambdaJson = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true);
        String loadBefore = loadAverage();
        try (LocalInsurer insurer = new LocalInsurer(0)) {
            setUp(insurer);
            List<Subject> subjects = List.of(
                    new Subject(HANDOFF, BATON, false, this::batonHandoff),
                    new Subject(HANDOFF, FUNCTION, false, this::functionHandoff),
                    new Subject(HANDOFF, FLOOR, false, this::floorHandoff),
                    new Subject(SYNC, BATON, true, this::batonSync),
                    new Subject(SYNC, FUNCTION, true, this::functionSync),
                    new Subject(SYNC, FLOOR, true, this::floorSync));
            System.out.println("in-process bench: warming up (" + warmup + " of each) ...");
            Samples ignored = new Samples();
            for (int i = 0; i < warmup; i++) {
                for (Subject s : subjects) {
                    once(s, 0, ignored);
                }
            }
            System.out.println("in-process bench: concurrency 1, " + samples + " of each, in turn ...");
            Samples one = new Samples();
            for (int i = 0; i < samples; i++) {
                for (Subject s : subjects) {
                    once(s, 0, one);
                }
            }
            System.out.println("in-process bench: concurrency " + concurrency + ", " + duration.toSeconds()
                    + " s per subject ...");
            Samples many = new Samples();
            List<Subject> order = new ArrayList<>(subjects);
            for (int round = 0; round < 2; round++) {
                for (Subject s : order) {
                    phase(s, concurrency, duration.dividedBy(2), many);
                }
                Collections.reverse(order);
            }
            String report = report(subjects, one, many, concurrency, duration, samples, loadBefore);
            System.out.println(report);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/inprocess-report.md"), report, StandardCharsets.UTF_8);
        }
    }

    private void setUp(LocalInsurer insurer) {
        proposals = URI.create("http://127.0.0.1:" + insurer.port() + "/proposals");
        downstream = "inproc-" + UUID.randomUUID().toString().substring(0, 8);
        downstreams.publish(new Downstream(downstream, 1, proposals, Duration.ofSeconds(5), Map.of(), Map.of(),
                "/code", Set.of("0000"), "/msg", "/data/proposalNo", new RetryPolicy(10, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofHours(1)), List.of()));
        // the README's flows (phone, 7 steps; mobile, 6 steps) and their mapping, as the load harness publishes
        defs = new Definitions(flows, mappings)
                .flow("phone", "quote", "vehicle", "driver", "coverage", "documents", "payment", "confirm")
                .flow("mobile", "start", "car", "person", "plan", "pay", "done")
                .mapping("phone", "mobile", "quote>start", "vehicle>car", "driver>person", "coverage>plan",
                        "payment>pay", "confirm>done");
        // the floor writes exactly the items Baton writes: captured from one handoff and one sync
        String template = prepare(false);
        StorageClock.capture();
        progress.handoff(template, "mobile", "app-0");
        handoffItem = only(StorageClock.captured(), "handoff");
        StorageClock.capture();
        if (sync.sync(template, downstream, Optional.empty()).status() != SyncState.SYNCED) {
            throw new IllegalStateException("the stand-in insurer did not accept the template order");
        }
        List<Map<String, AttributeValue>> syncPuts = StorageClock.captured();
        if (syncPuts.size() != 2) {
            throw new IllegalStateException("a sync put " + syncPuts.size() + " items, not 2 (claim, outcome)");
        }
        claimItem = syncPuts.get(0);
        outcomeItem = syncPuts.get(1);
        System.out.printf(Locale.ROOT, "item sizes (attribute text bytes): handoff %d, claim %d, outcome %d%n",
                size(handoffItem), size(claimItem), size(outcomeItem));
    }

    private static Map<String, AttributeValue> only(List<Map<String, AttributeValue>> items, String what) {
        if (items.size() != 1) {
            throw new IllegalStateException("a " + what + " put " + items.size() + " items, not 1");
        }
        return items.get(0);
    }

    private static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue v = e.getValue();
            bytes += e.getKey().length() + (v.s() != null ? v.s().getBytes(StandardCharsets.UTF_8).length
                    : v.n() != null ? v.n().length() : 0);
        }
        return bytes;
    }

    /** A phone order with three steps done (ids as long as the template's); handed off to the app if asked. */
    private String prepare(boolean handedOff) {
        String id = "ip-" + UUID.randomUUID();
        int agent = (int) (sequence.incrementAndGet() % 8);
        orders.start(new OrderService.Start(Optional.of(id), Optional.of(defs.type()), Optional.of("phone"),
                Optional.of("agent-" + agent), new NodeData("{\"channel\":\"phone\"}"), "fp-" + id));
        for (String node : List.of("quote", "vehicle", "driver")) {
            progress.complete(id, node, "phone", "agent-" + agent, new NodeData("{\"step\":\"" + node
                    + "\",\"amount\":3200}"));
        }
        if (handedOff) {
            progress.handoff(id, "mobile", "app-" + agent);
        }
        return id;
    }

    private void once(Subject s, int worker, Samples into) throws Exception {
        String id = prepare(s.handedOff());
        StorageClock.reset();
        long t = System.nanoTime();
        long[] parts = s.work().run(id, worker);
        long total = System.nanoTime() - t;
        into.add(s.key(), total, new long[] {StorageClock.nanos(), parts[1]});
    }

    private void phase(Subject s, int threads, Duration length, Samples into) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    once(s, worker, into);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    // ---- Baton -----------------------------------------------------------------------------------------------

    private long[] batonHandoff(String id, int worker) {
        progress.handoff(id, "mobile", "app-" + worker);
        return new long[2];
    }

    private long[] batonSync(String id, int worker) {
        SyncState state = sync.sync(id, downstream, Optional.empty()).status();
        if (state != SyncState.SYNCED) {
            throw new IllegalStateException("sync answered " + state);
        }
        return new long[2];
    }

    private long[] functionHandoff(String id, int worker) throws Exception {
        String event = ApiEvents.event("POST", "/v1/orders/" + id + "/handoffs", "",
                Map.of("content-type", "application/json"), "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-"
                        + worker + "\"}", "$default", Map.of()).toString();
        expect(invoke(event, handoffFunction::handle), 200);
        return new long[2];
    }

    private long[] functionSync(String id, int worker) throws Exception {
        String event = ApiEvents.event("POST", "/v1/orders/" + id + "/sync", "",
                Map.of("content-type", "application/json"), "{\"downstream\":\"" + downstream + "\"}", "$default",
                Map.of()).toString();
        expect(invoke(event, syncFunction::handle), 200);
        return new long[2];
    }

    /** As funqy does: the event's JSON read into the event object, the handler, the response written as JSON. */
    private String invoke(String eventJson, java.util.function.Function<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> handler) throws Exception {
        APIGatewayV2HTTPEvent event = lambdaJson.readValue(eventJson, APIGatewayV2HTTPEvent.class);
        return lambdaJson.writeValueAsString(handler.apply(event));
    }

    private static void expect(String response, int status) {
        if (!response.contains("\"statusCode\":" + status)) {
            throw new IllegalStateException("expected " + status + ", answered "
                    + response.substring(0, Math.min(200, response.length())));
        }
    }

    // ---- the floor -------------------------------------------------------------------------------------------

    private long[] floorHandoff(String id, int worker) {
        Map<String, AttributeValue> read = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(id)))).item();
        long version = Long.parseLong(read.get("version").n());
        putConditionally(rekey(handoffItem, id, id, version + 1), version);
        return new long[2];
    }

    private long[] floorSync(String id, int worker) throws Exception {
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(id))));
        String pk = "sync#" + id;
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk))));
        dynamo.putItem(b -> b.tableName(table).item(rekey(claimItem, pk, id, 1))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", "pk")));
        long t = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(proposals)
                .header("content-type", "application/json").header("accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(claimItem.get("syncPayload").s())).build(),
                HttpResponse.BodyHandlers.ofString());
        long insurer = System.nanoTime() - t;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("insurer answered " + answer.statusCode());
        }
        putConditionally(rekey(outcomeItem, pk, id, 2), 1);
        return new long[] {0, insurer};
    }

    private void putConditionally(Map<String, AttributeValue> item, long version) {
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :read")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(version)))));
    }

    /** {@code item} under key {@code pk} (its order id attribute {@code orderId}) at {@code version}. */
    private static Map<String, AttributeValue> rekey(Map<String, AttributeValue> item, String pk, String orderId,
                                                     long version) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS(pk));
        copy.put("version", AttributeValue.fromN(Long.toString(version)));
        if (copy.containsKey("orderId")) {
            copy.put("orderId", AttributeValue.fromS(orderId));
        }
        return copy;
    }

    // ---- report ----------------------------------------------------------------------------------------------

    private static String report(List<Subject> subjects, Samples one, Samples many, int concurrency,
                                 Duration duration, int samples, String loadBefore) {
        StringBuilder md = new StringBuilder("## In-process: Baton ÷ storage floor (" + java.time.LocalDate.now()
                + ")\n\nJava " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, JVM flags " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-XX")).toList() + "; load average before " + loadBefore
                + ", after " + loadAverage() + ". Concurrency 1: " + samples + " of each, in turn; concurrency "
                + concurrency + ": " + duration.toSeconds() + " s per subject (two halves, A B C C B A).\n\n");
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put(HANDOFF, "1 GetItem + 1 PutItem");
        ops.put(SYNC, "2 GetItem + 2 PutItem + 1 POST to the insurer");
        md.append("| operation | concurrency | floor p50 ms (of which insurer) | Baton service p50 ms | Baton service"
                + " ÷ floor | Baton function p50 ms | Baton function ÷ floor | p90 ms: floor / service / function "
                + "| samples |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String op : ops.keySet()) {
            for (int c : new int[] {1, concurrency}) {
                Samples s = c == 1 ? one : many;
                String floor = op + " | " + FLOOR;
                String baton = op + " | " + BATON;
                String function = op + " | " + FUNCTION;
                double f = s.p(floor, 0, 0.5);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f (%.2f) | %.2f | **%.2f** | %.2f | **%.2f** "
                                + "| %.2f / %.2f / %.2f | %d / %d / %d |%n", op, c, f, s.p(floor, 2, 0.5),
                        s.p(baton, 0, 0.5), s.p(baton, 0, 0.5) / f, s.p(function, 0, 0.5),
                        s.p(function, 0, 0.5) / f, s.p(floor, 0, 0.9), s.p(baton, 0, 0.9), s.p(function, 0, 0.9),
                        s.count(floor), s.count(baton), s.count(function)));
            }
        }
        md.append("\nWhere the time goes at concurrency 1 (p50 of each part, ms; \"rest\" is the p50 of total − "
                + "DynamoDB − insurer per sample):\n\n| subject | total | DynamoDB calls | insurer | rest |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (Subject subject : subjects) {
            String key = subject.key();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %.2f |%n", key, one.p(key, 0, 0.5),
                    one.p(key, 1, 0.5), FLOOR.equals(subject.who()) && SYNC.equals(subject.op())
                            ? String.format(Locale.ROOT, "%.2f", one.p(key, 2, 0.5)) : "(in rest)",
                    rest(one, key)));
        }
        md.append("\nOperations: " + ops + ". Floor and Baton share the application's DynamoDB client "
                + "(url-connection HTTP client) and the same DynamoDB Local; the floor writes the items Baton wrote.\n");
        return md.toString();
    }

    private static double rest(Samples s, String key) {
        List<long[]> list = s.byKey.getOrDefault(key, List.of());
        long[] rest;
        synchronized (list) {
            rest = list.stream().mapToLong(x -> x[0] - x[1] - x[2]).sorted().toArray();
        }
        return rest.length == 0 ? Double.NaN : rest[rest.length / 2] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
