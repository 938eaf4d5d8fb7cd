package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.support.FakeEventBridge;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The functions of the native build ({@code target/function-native.zip}), each its own process polling a
 * Runtime API emulator as on Lambda's {@code provided.al2023}, fed real-shaped events by this suite: AWS's sample
 * API Gateway and SQS events, a handoff, a sync through every stand-in insurer mode over HTTP and over HTTPS (an
 * insurer with a self-signed certificate that the functions trust through {@link FunctionProcess#TRUST_STORE}),
 * the sweeper's scheduled event recovering a lost retry message, an SQS batch with a poison record for the retry
 * worker, and a DynamoDB stream event for {@code order-events}, whose EventBridge is a stand-in HTTP endpoint.
 * <p>
 * Runs with {@code BATON_NATIVE=1} (the native suite, README "Native or JVM"); {@code -Dbaton.native-suite.jvm=true}
 * runs the same checks against the JVM build. Every route through the gateway in JWT mode is RouteMatrixIT's.
 */
@EnabledIf("selected")
class NativeFunctionsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "native-auto";
    static final String TERMINAL = "agent-native-01";
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);

    static SamTemplate template;
    static EmbeddedBackends backends;
    static LocalInsurer plain;
    static LocalInsurer tls;
    static final Map<String, RuntimeApiEmulator> FUNCTIONS = new LinkedHashMap<>();
    static final List<AutoCloseable> RUNNING = new ArrayList<>();

    static boolean selected() {
        return "1".equals(System.getenv("BATON_NATIVE")) || Boolean.getBoolean("baton.native-suite.jvm");
    }

    static Path zip() {
        return Path.of("1".equals(System.getenv("BATON_NATIVE")) ? "target/function-native.zip"
                : "target/function.zip");
    }

    @BeforeAll
    static void startFunctions() throws Exception {
        template = SamTemplate.project();
        backends = EmbeddedBackends.start(null, template);
        RUNNING.add(backends);
        SelfSignedTls certificate = SelfSignedTls.create(Files.createTempDirectory("baton-native-tls"));
        plain = new LocalInsurer(0);
        tls = new LocalInsurer(0, certificate.serverContext());
        RUNNING.add(plain);
        RUNNING.add(tls);
        Map<String, String> bus = new FakeEventBridge().start();
        Path functionDir = LocalBaton.unpack(zip(), Path.of("target", "native-suite", "function"));
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        for (SamTemplate.Function function : template.functions()) {
            RuntimeApiEmulator emulator = new RuntimeApiEmulator(function.export(), timeout);
            RUNNING.add(emulator);
            Map<String, String> env = new LinkedHashMap<>(LocalBaton.functionEnvironment(template, function,
                    backends, emulator, false, false));
            env.put("BATON_SYNC_LEASE_MARGIN", "2s");
            env.put("BATON_SYNC_SWEEP_GRACE", "2s");
            env.put("BATON_EVENTS_ENDPOINT", bus.get("baton.events.endpoint"));
            env.put("BATON_EVENTS_BUS", bus.get("baton.events.bus"));
            env.put(FunctionProcess.TRUST_STORE, certificate.trustStore().toString());
            env.put(FunctionProcess.TRUST_STORE_PASSWORD, SelfSignedTls.PASSWORD);
            RUNNING.add(FunctionProcess.start(function.export(), functionDir, template.globalHandler(), env));
            FUNCTIONS.put(function.export(), emulator);
        }
        for (Map.Entry<String, RuntimeApiEmulator> f : FUNCTIONS.entrySet()) {
            assertThat(f.getValue().awaitReady(ANSWER_LIMIT)).as(f.getKey() + " polls the Runtime API").isTrue();
        }
        // the definitions every order starts on, and a downstream at each stand-in insurer
        api("PUT /v1/business-types/{type}/flows/{platform}", "/v1/business-types/" + TYPE + "/flows/phone",
                "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Quote\"},{\"id\":\"vehicle\",\"name\":\"Vehicle\"}]}")
                .expect(201);
        api("PUT /v1/business-types/{type}/flows/{platform}", "/v1/business-types/" + TYPE + "/flows/mobile",
                "{\"nodes\":[{\"id\":\"start\",\"name\":\"Start\"},{\"id\":\"car\",\"name\":\"Car\"}]}").expect(201);
        api("PUT /v1/business-types/{type}/mappings/{base}/{associated}", "/v1/business-types/" + TYPE
                + "/mappings/phone/mobile", "{\"links\":[{\"from\":\"quote\",\"to\":[\"start\"]},"
                + "{\"from\":\"vehicle\",\"to\":[\"car\"]}]}").expect(201);
        for (String transport : List.of("http", "https")) {
            String base = transport + "://localhost:" + (transport.equals("https") ? tls : plain).port();
            api("PUT /v1/downstreams/{name}", "/v1/downstreams/" + transport, downstream(base, 10_000)).expect(201);
            api("PUT /v1/downstreams/{name}", "/v1/downstreams/" + transport + "-short", downstream(base, 1000))
                    .expect(201);
        }
        // A process's first TLS handshake loads its TLS stack: seconds for a cold JVM on a loaded machine, more than
        // the 3 s connect budget. Done once here, unasserted, so the modes below meet a function as a warm one would.
        api("POST /v1/orders/{id}/sync", "/v1/orders/" + startOrder() + "/sync", "{\"downstream\":\"https\"}");
    }

    @AfterAll
    static void stopFunctions() {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            try {
                RUNNING.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    /** A downstream with a short retry backoff and one probe of UNKNOWN answers. */
    static String downstream(String base, int timeoutMs) {
        return "{\"endpoint\":\"" + base + "/proposals\",\"timeoutMs\":" + timeoutMs + ",\"codePointer\":\"/code\","
                + "\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\",\"referencePointer\":\"/data/proposalNo\","
                + "\"retry\":{\"maxAttempts\":3,\"baseDelaySeconds\":1,\"maxDelaySeconds\":2,\"deadlineSeconds\":3600},"
                + "\"retryByCategory\":{\"UNKNOWN\":{\"maxAttempts\":1}}}";
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void awsSampleApiEvents_areAnsweredWithProblems_andSampleSqsEvents_areAcknowledged() throws Exception {
        for (Path sample : samples("apigw-http-v2")) {
            // when AWS's own HTTP API events reach a function (their paths are not Baton routes)
            Answer answer = invoke("mapping-config", Files.readString(sample));
            // then a problem, never a 5xx or a failed invocation
            assertThat(answer.status()).as(sample.getFileName() + ": " + answer).isBetween(400, 499);
            assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        }
        for (Path sample : samples("sqs")) {
            String event = Files.readString(sample);
            if (event.contains("\"base64Str\"")) {
                continue; // a placeholder where Lambda sends base64: refused by Jackson, natively and on the JVM
            }
            // a retry worker fed AWS's sample SQS events (bodies that are not retry messages: poison)
            Answer answer = invoke("order-retry", event);
            assertThat(answer.json().path("batchItemFailures").size()).as(sample.getFileName() + ": " + answer)
                    .isZero();
        }
    }

    @Test
    void aHandoff_carriesTheCompletedNodesOverToTheOtherPlatform() throws Exception {
        String id = startOrder();
        Answer handoff = api("POST /v1/orders/{id}/handoffs", "/v1/orders/" + id + "/handoffs",
                "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-native-02\"}").expect(200);
        assertThat(handoff.json().path("toPlatform").asText()).isEqualTo("mobile");
        assertThat(handoff.json().path("carriedOver").path(0).path("node").asText()).isEqualTo("start");
        assertThat(handoff.json().path("next").path("id").asText()).isEqualTo("car");
    }

    static Stream<Arguments> modes() {
        List<Arguments> all = new ArrayList<>();
        for (String transport : List.of("http", "https")) {
            all.add(Arguments.of(transport, "up", 200, "SYNCED"));
            all.add(Arguments.of(transport, "busy", 202, "ASYNC_PENDING"));
            // "系统繁忙" in GBK: read right (and so retried) only if the image holds the charset
            all.add(Arguments.of(transport, "busy-gbk", 202, "ASYNC_PENDING"));
            all.add(Arguments.of(transport, "busy-gbk-unlabelled", 202, "ASYNC_PENDING"));
            all.add(Arguments.of(transport, "down", 202, "ASYNC_PENDING"));
            all.add(Arguments.of(transport, "invalid", 422, "INVALID"));
            all.add(Arguments.of(transport, "reject", 200, "REJECTED"));
            all.add(Arguments.of(transport, "odd", 200, "NEEDS_REVIEW"));
            // against the downstream with a 1 s timeout: the answer does not come in time
            all.add(Arguments.of(transport, "slow 3000", 202, "ASYNC_PENDING"));
            all.add(Arguments.of(transport, "drip 200", 202, "ASYNC_PENDING"));
            all.add(Arguments.of(transport, "hold", 202, "ASYNC_PENDING"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} insurer {1}: {2} {3}")
    @MethodSource("modes")
    void aSync_throughEveryInsurerMode_overHttpAndHttps(String transport, String mode, int status, String state)
            throws Exception {
        LocalInsurer insurer = transport.equals("https") ? tls : plain;
        String id = startOrder();
        insurer.mode(mode);
        try {
            String downstream = mode.matches("(slow|drip|hold).*") ? transport + "-short" : transport;
            Answer sync = api("POST /v1/orders/{id}/sync", "/v1/orders/" + id + "/sync",
                    "{\"downstream\":\"" + downstream + "\"}");
            assertThat(sync.status()).as(sync.toString()).isEqualTo(status);
            assertThat(sync.json().path("status").asText()).as(sync.toString()).isEqualTo(state);
            if (mode.equals("up")) {
                assertThat(sync.json().path("reference").asText()).startsWith("P");
                assertThat(insurer.ledger().acceptedKeys(id)).hasSize(1);
            }
        } finally {
            insurer.mode("up");
        }
    }

    @Test
    void theSweepersScheduledEvent_requeuesALostRetry_andTheRetryWorkerSyncsIt_pastAPoisonRecord() throws Exception {
        // given an order waiting for its retry while the insurer is busy, whose retry message nobody delivers
        String id = startOrder();
        plain.mode("busy");
        api("POST /v1/orders/{id}/sync", "/v1/orders/" + id + "/sync", "{\"downstream\":\"http\"}").expect(202);
        plain.mode("up");
        String queue = backends.queueUrls().get("RetryQueue");
        List<Message> forOrder = new ArrayList<>();
        // when the sweeper runs (scheduled events) until it has sent the order's retry again
        long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
        int lost = 0;
        while (forOrder.size() < 2 && System.nanoTime() < deadline) {
            lost += invoke("order-sweep", ScheduledEvents.event()).json().path("lostMessages").asInt();
            backends.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().filter(m -> m.body().contains(id)).forEach(forOrder::add);
        }
        assertThat(lost).as("orders the sweeper found without a retry message").isPositive();
        assertThat(forOrder).as("the original retry message and the sweeper's").hasSize(2);
        // and the retry worker gets both (a duplicate is normal) with a poison record between them
        Message poison = Message.builder().messageId(UUID.randomUUID().toString()).receiptHandle("poison")
                .body("{\"orderId\":").md5OfBody("0").build();
        List<Message> batch = List.of(forOrder.get(0), poison, forOrder.get(1));
        String arn = backends.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        Answer answer = invoke("order-retry", QueuePoller.event(batch, arn).toString());
        // then nothing is reported for redelivery, and the order is synced once
        assertThat(answer.json().path("batchItemFailures").size()).as(answer.toString()).isZero();
        Answer sync = api("POST /v1/orders/{id}/sync", "/v1/orders/" + id + "/sync", "{\"downstream\":\"http\"}");
        assertThat(sync.json().path("status").asText()).as(sync.toString()).isEqualTo("SYNCED");
        assertThat(plain.ledger().acceptedKeys(id)).hasSize(1);
    }

    @Test
    void orderEvents_putsAStreamRecordsEventOnTheBus_andReportsARecordTheBusRefused() throws Exception {
        // given an order as stored, in a DynamoDB stream record as Lambda's event source delivers it
        String id = startOrder();
        Map<String, AttributeValue> item = backends.dynamo().getItem(b -> b.consistentRead(true)
                .tableName(template.tableName("OrdersTable")).key(Map.of("pk", AttributeValue.fromS(id)))).item();
        int before = FakeEventBridge.entries().size();
        // when
        Answer answer = invoke("order-events", StreamEvents.event("101", item));
        // then
        assertThat(answer.json().path("batchItemFailures").size()).as(answer.toString()).isZero();
        assertThat(FakeEventBridge.entries()).hasSize(before + 1);
        JsonNode entry = FakeEventBridge.entries().get(before);
        assertThat(entry.path("DetailType").asText()).isEqualTo("order.started");
        assertThat(JSON.readTree(entry.path("Detail").asText()).path("orderId").asText()).isEqualTo(id);
        assertThat(entry.toString()).doesNotContain("Zhang San");
        // and when the bus refuses, the record is reported so the shard is read again from it
        FakeEventBridge.failing(true);
        try {
            Answer refused = invoke("order-events", StreamEvents.event("202", item));
            assertThat(refused.json().path("batchItemFailures").toString()).contains("\"itemIdentifier\":\"202\"");
        } finally {
            FakeEventBridge.failing(false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A new order on phone with its first node done. */
    static String startOrder() throws Exception {
        String key = "n-" + UUID.randomUUID().toString().substring(0, 8);
        Answer started = api("POST /v1/orders", "/v1/orders", "{\"orderId\":\"" + key + "\",\"businessType\":\""
                + TYPE + "\",\"platform\":\"phone\",\"terminalId\":\"" + TERMINAL + "\",\"data\":{\"applicant\":"
                + "\"Zhang San\"}}").expect(201);
        String id = started.json().path("orderId").asText();
        api("POST /v1/orders/{id}/nodes/{nodeId}/complete", "/v1/orders/" + id + "/nodes/quote/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"" + TERMINAL + "\",\"data\":{\"premium\":3200}}")
                .expect(200);
        return id;
    }

    static List<Path> samples(String kind) throws Exception {
        Path dir = Path.of("../shared/contracts/events", kind);
        assertThat(dir).as("shared/contracts beside the project").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().contains(".template.")).sorted().toList();
        }
    }

    /** An HTTP API event for {@code route} ("POST /v1/orders/{id}/sync") sent to the function that serves it. */
    static Answer api(String route, String path, String body) throws Exception {
        String[] names = route.substring(route.indexOf(' ') + 1).split("/");
        String[] values = path.split("/");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("{")) {
                params.put(names[i].substring(1, names[i].length() - 1), values[i]);
            }
        }
        String method = route.substring(0, route.indexOf(' '));
        String event = ApiEvents.event(method, path, "", body == null ? Map.of() : Map.of("content-type",
                "application/json"), body, route, params).toString();
        return invoke(exportServing(method, route.substring(route.indexOf(' ') + 1)), event);
    }

    static String exportServing(String method, String path) {
        return template.functions().stream().filter(f -> f.routes().stream().anyMatch(r ->
                r.method().equalsIgnoreCase(method) && r.path().equals(path))).findFirst()
                .orElseThrow(() -> new AssertionError("no function serves " + method + " " + path)).export();
    }

    static Answer invoke(String export, String event) throws Exception {
        String raw = FUNCTIONS.get(export).invoke(event).get(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        return new Answer(export, raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw));
    }

    /** A function's answer: an API Gateway response (status, headers, body) or an event source's batch answer. */
    record Answer(String export, JsonNode raw) {
        int status() {
            return raw.path("statusCode").asInt();
        }

        String header(String name) {
            var headers = raw.path("headers").fields();
            while (headers.hasNext()) {
                var h = headers.next();
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue().asText();
                }
            }
            return null;
        }

        JsonNode json() throws Exception {
            return raw.has("statusCode") ? JSON.readTree(raw.path("body").asText("{}")) : raw;
        }

        Answer expect(int wanted) {
            assertThat(status()).as(export + ": " + raw).isEqualTo(wanted);
            return this;
        }
    }

    /** DynamoDB stream events as Lambda's event source delivers them (NEW_AND_OLD_IMAGES, one record). */
    static final class StreamEvents {

        private StreamEvents() {
        }

        static String event(String sequence, Map<String, AttributeValue> newImage) {
            var root = JSON.createObjectNode();
            var record = root.putArray("Records").addObject();
            record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
            record.put("eventName", "INSERT");
            record.put("eventVersion", "1.1");
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", EmbeddedBackends.REGION);
            var db = record.putObject("dynamodb");
            db.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
            db.set("Keys", image(Map.of("pk", newImage.get("pk"))));
            db.set("NewImage", image(newImage));
            db.put("SequenceNumber", sequence);
            db.put("SizeBytes", 512);
            db.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            record.put("eventSourceARN", "arn:aws:dynamodb:us-east-1:000000000000:table/baton-orders/stream/"
                    + "2026-12-01T00:00:00.000");
            return root.toString();
        }

        private static JsonNode image(Map<String, AttributeValue> item) {
            var out = JSON.createObjectNode();
            item.forEach((name, value) -> out.set(name, value(value)));
            return out;
        }

        private static JsonNode value(AttributeValue value) {
            var v = JSON.createObjectNode();
            if (value.s() != null) {
                v.put("S", value.s());
            } else if (value.n() != null) {
                v.put("N", value.n());
            } else if (value.bool() != null) {
                v.put("BOOL", value.bool());
            } else if (value.nul() != null) {
                v.put("NULL", true);
            } else if (value.hasL()) {
                var list = v.putArray("L");
                value.l().forEach(x -> list.add(value(x)));
            } else if (value.hasM()) {
                v.set("M", image(value.m()));
            } else if (value.hasSs()) {
                var list = v.putArray("SS");
                value.ss().forEach(list::add);
            }
            return v;
        }
    }
}
