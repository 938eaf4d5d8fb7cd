package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.NodeData;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import dev.baton.support.Definitions;
import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.support.Api;
import dev.baton.support.FakeInsurer;
import dev.baton.support.Api.Reply;
import dev.baton.support.LocalBackendsResource;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.sqs.model.Message;

/** Order sync end to end: a real HTTP downstream (WireMock), DynamoDB Local and ElasticMQ. */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class OrderSyncTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;
    @Inject
    dev.baton.flow.app.FlowService flows;
    @Inject
    dev.baton.flow.app.MappingService mappings;
    @Inject
    dev.baton.order.app.ProgressService progress;
    @Inject
    dev.baton.order.app.OrderStore orderStore;
    @Inject
    dev.baton.sync.app.SyncStore syncStore;
    @Inject
    dev.baton.sync.app.SyncService syncService;
    @Inject
    dev.baton.sync.app.SyncAttempts attempts;
    @Inject
    dev.baton.sync.app.DownstreamCache cache;

    private final String order = "o-" + UUID.randomUUID();
    private final String downstream = "ins-" + UUID.randomUUID().toString().substring(0, 8);
    private final String path = "/underwriting/" + downstream;

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    @BeforeEach
    void downstreamAndOrder() {
        Reply put = Api.put("/v1/downstreams/" + downstream, settings(insurer.baseUrl() + path, 2000));
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        orders.start(new OrderService.Start(Optional.of(order), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"applicant\":\"Zhang San\",\"idNumber\":\"110101199003077777\"}"), "fp-" + order));
    }

    static String settings(String endpoint, int timeoutMs) {
        return "{\"endpoint\":\"" + endpoint + "\",\"timeoutMs\":" + timeoutMs + ",\"headers\":{\"X-Channel\":\"baton\"},"
                + "\"secretHeaders\":{\"Authorization\":{\"env\":\"BATON_SECRET_TEST_INSURER_TOKEN\"}},"
                + "\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\","
                + "\"referencePointer\":\"/data/proposalNo\",\"retry\":{\"maxAttempts\":3,\"baseDelaySeconds\":1,"
                + "\"maxDelaySeconds\":60,\"deadlineSeconds\":3600}}";
    }

    private void insurerAnswers(int status, String body) {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("content-type", "application/json").withBody(body)));
    }

    private Reply sync() {
        return Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"" + downstream + "\"}");
    }

    private List<LoggedRequest> calls() {
        return insurer.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void success_isSynced_withTheReference_andTheDownstreamSawKeyDataAndSecretHeader() {
        // given
        insurerAnswers(200, "{\"code\":\"0000\",\"data\":{\"proposalNo\":\"P-2026-0001\"}}");
        // when
        Reply reply = sync();
        // then
        JsonNode r = reply.json();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(r.path("status").asText()).isEqualTo("SYNCED");
        assertThat(r.path("nextAction").asText()).isEqualTo("CONTINUE");
        assertThat(r.path("reference").asText()).isEqualTo("P-2026-0001");
        LoggedRequest call = calls().get(0);
        assertThat(call.getHeader("Idempotency-Key")).isEqualTo(r.path("idempotencyKey").asText()).isNotBlank();
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer test-token");
        assertThat(call.getHeader("X-Channel")).isEqualTo("baton");
        assertThat(call.getBodyAsString()).contains("\"orderId\":\"" + order + "\"").contains("Zhang San");
        assertThat(reply.body()).doesNotContain("110101199003077777").doesNotContain("test-token");
    }

    @Test
    void aSecretFromParameterStore_isSentAsAHeader_butNeverStoredOrReturned() {
        // given Parameter Store (a real HTTP server speaking the SSM API here) serving a SecureString
        String name = "/baton/" + downstream + "/token";
        WireMockServer parameterStore = parameterStore("{\"Parameters\":[{\"Name\":\"" + name + "\","
                + "\"Type\":\"SecureString\",\"Value\":\"Bearer from-parameter-store\"}],\"InvalidParameters\":[]}");
        try {
            Reply put = Api.put("/v1/downstreams/" + downstream, settings(insurer.baseUrl() + path, 2000)
                    .replace("{\"env\":\"BATON_SECRET_TEST_INSURER_TOKEN\"}", "{\"parameter\":\"" + name + "\"}"));
            insurerAnswers(200, "{\"code\":\"0000\"}");
            // when
            Reply reply = sync();
            // then
            assertThat(reply.json().path("status").asText()).isEqualTo("SYNCED");
            assertThat(calls().get(0).getHeader("Authorization")).isEqualTo("Bearer from-parameter-store");
            assertThat(put.body()).contains(name).doesNotContain("from-parameter-store");
        } finally {
            parameterStore.stop();
        }
    }

    @Test
    void aSecretThatCannotBeResolved_failsTheAttempt_andTheDownstreamIsNeverCalledWithoutIt() {
        // given a secret header naming a parameter Parameter Store does not have
        String name = "/baton/" + downstream + "/missing";
        WireMockServer parameterStore = parameterStore("{\"Parameters\":[],\"InvalidParameters\":[\"" + name + "\"]}");
        try {
            Api.put("/v1/downstreams/" + downstream, settings(insurer.baseUrl() + path, 2000)
                    .replace("{\"env\":\"BATON_SECRET_TEST_INSURER_TOKEN\"}", "{\"parameter\":\"" + name + "\"}"));
            insurerAnswers(200, "{\"code\":\"0000\"}");
            // when
            Reply reply = sync();
            // then the attempt failed as a connection failure naming the header, and no call went out
            assertThat(reply.json().path("status").asText()).isNotEqualTo("SYNCED");
            assertThat(reply.json().path("classification").path("kind").asText()).isEqualTo("CONNECTION");
            assertThat(reply.body()).contains("secret for header Authorization is unavailable");
            assertThat(calls()).isEmpty();
        } finally {
            parameterStore.stop();
        }
    }

    /** A WireMock server answering the SSM API's GetParameters on the port the profile points the SDK at. */
    private static WireMockServer parameterStore(String answer) {
        WireMockServer server = new WireMockServer(options().port(OrderSyncProfile.parametersPort())
                .bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameters"))
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/x-amz-json-1.1")
                        .withBody(answer)));
        return server;
    }

    @Test
    void aNodeCompletedWhileTheDownstreamIsCalled_doesNotVoidTheSyncOutcome() {
        // given an order with a flow whose sync has claimed its lease (the payload recorded) and is calling
        String type = new Definitions(flows, mappings).flow("phone", "a", "b").type();
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.of(type), Optional.of("phone"),
                Optional.of("agent-1"), NodeData.EMPTY, "fp-" + id));
        insurerAnswers(200, "{\"code\":\"0000\",\"data\":{\"proposalNo\":\"P9\"}}");
        OrderSync claimed = OrderSync.never(id, Instant.now()).start("key-" + id, downstream, type, NodeData.EMPTY,
                Instant.now().plusSeconds(60), Instant.now());
        syncStore.write(claimed);
        // when the agent completes a node meanwhile (the order's version moves on)
        progress.complete(id, "a", "phone", "agent-1", new NodeData("{\"v\":1}"));
        var result = attempts.run(claimed, cache.latest(downstream).orElseThrow(), Duration.ofSeconds(5), "test");
        // then the outcome is recorded and the completion is kept
        assertThat(result.status()).isEqualTo(SyncState.SYNCED);
        assertThat(syncStore.find(id).orElseThrow().reference()).isEqualTo("P9");
        assertThat(orderStore.find(id).orElseThrow().completedIdsOn("phone")).containsExactly("a");
    }

    @Test
    void aSyncedOrder_isNeverSentAgain() {
        insurerAnswers(200, "{\"code\":\"0000\",\"data\":{\"proposalNo\":\"P1\"}}");
        sync();
        Reply again = sync();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("SYNCED");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void systemBusyInA200_goesToAsyncProcessing_withARetryMessageOnTheQueue() {
        // given the insurer's classic "HTTP 200, code 9999, 系统繁忙"
        insurerAnswers(200, "{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}");
        Instant before = Instant.now();
        // when
        Reply reply = sync();
        // then
        JsonNode r = reply.json();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(r.path("status").asText()).isEqualTo("ASYNC_PENDING");
        assertThat(r.path("nextAction").asText()).isEqualTo("WAIT");
        assertThat(r.path("classification").path("kind").asText()).isEqualTo("DOWNSTREAM_CODE");
        assertThat(r.path("classification").path("category").asText()).isEqualTo("TRANSIENT");
        assertThat(r.path("classification").path("ruleId").asText()).startsWith("default.");
        Instant next = Instant.parse(r.path("nextAttemptAt").asText());
        assertThat(next).isAfter(before);
        // the message: order id and attempt only, due at the next attempt
        Message message = receiveFor(order);
        JsonNode body = parse(message.body());
        assertThat(body.path("attempt").asInt()).isEqualTo(2);
        assertThat(Instant.parse(body.path("dueAt").asText())).isEqualTo(next);
        assertThat(message.body()).doesNotContain("Zhang").doesNotContain("1101011990");
        // repeating the call while async answers the state without calling the insurer
        Reply again = sync();
        assertThat(again.status()).isEqualTo(202);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void invalidData_isA422WithTheMaskedMessage_andAFixedOrderSyncsWithANewKey() {
        // given
        insurerAnswers(400, "{\"code\":\"E001\",\"msg\":\"证件号码110101199003077777格式错误\"}");
        // when
        Reply reply = sync();
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("status").asText()).isEqualTo("INVALID");
        assertThat(reply.json().path("nextAction").asText()).isEqualTo("FIX_DATA");
        assertThat(reply.json().path("classification").path("message").asText()).contains("格式错误")
                .doesNotContain("110101199003077777");
        String firstKey = reply.json().path("idempotencyKey").asText();
        // when the data is fixed and the order synced again
        insurerAnswers(200, "{\"code\":\"0000\",\"data\":{\"proposalNo\":\"P2\"}}");
        Reply fixed = sync();
        assertThat(fixed.json().path("status").asText()).isEqualTo("SYNCED");
        assertThat(fixed.json().path("idempotencyKey").asText()).isNotEqualTo(firstKey);
        assertThat(calls()).extracting(c -> c.getHeader("Idempotency-Key")).containsExactly(firstKey,
                fixed.json().path("idempotencyKey").asText());
    }

    @Test
    void anUnderwritingRejection_isAnsweredAtOnceWithStop() {
        insurerAnswers(200, "{\"code\":\"1001\",\"msg\":\"核保不通过：不符合投保条件\"}");
        Reply reply = sync();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(reply.json().path("nextAction").asText()).isEqualTo("STOP");
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo("REJECTED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "503|{\"resultCode\":\"R4001\",\"resultMsg\":\"投保人为失信被执行人，不予承保\"}|REJECTED|200",
            "502|{\"errcode\":1102,\"errmsg\":\"车架号在车型库中未找到匹配车型，请录入车型代码\"}|INVALID_DATA|422",
            "502|{\"Message\":\"Invalid Lambda function response\"}|TRANSIENT|202",
            "503|{\"code\":\"PROXY_ERROR\",\"message\":\"backend returned malformed JSON\"}|TRANSIENT|202"})
    void aJsonBodyNoPointerReads_isClassifiedAsTheDryRunClassifiesIt(int status, String body, String category,
                                                                    int replyStatus) {
        // given an insurer (or a proxy in front of it) whose JSON keys none of the downstream's pointers name
        insurerAnswers(status, body);
        // when the order is synced, and the same answer is put to the classify dry run
        Reply reply = sync();
        JsonNode dryRun = Api.post("/v1/downstreams/" + downstream + "/classify", "{\"failure\":{\"kind\":"
                + "\"HTTP_STATUS\",\"httpStatus\":" + status + ",\"message\":" + TextNode.valueOf(body) + "}}").json();
        // then both read the body: an insurer's envelope is its answer, a proxy's page goes by the status
        assertThat(reply.status()).as(reply.toString()).isEqualTo(replyStatus);
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo(category);
        assertThat(dryRun.path("category").asText()).as(dryRun.toString()).isEqualTo(category);
        assertThat(reply.json().path("classification").path("ruleId").asText())
                .isEqualTo(dryRun.path("ruleId").asText());
    }

    @Test
    void aTimeout_isTransient() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withBody("{\"code\":\"0000\"}")));
        Api.put("/v1/downstreams/" + downstream, settings(insurer.baseUrl() + path, 300));
        Reply reply = sync();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().path("classification").path("kind").asText()).isEqualTo("TIMEOUT");
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo("TRANSIENT");
    }

    @Test
    void aRefusedConnection_isTransient() {
        Api.put("/v1/downstreams/" + downstream, settings("http://127.0.0.1:" + closedPort() + path, 1000));
        Reply reply = sync();
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("classification").path("kind").asText()).isEqualTo("CONNECTION");
    }

    @Test
    void throttlingWithRetryAfter_isHonoured() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("Too Many Requests")));
        Instant before = Instant.now();
        Reply reply = sync();
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo("THROTTLED");
        assertThat(Instant.parse(reply.json().path("nextAttemptAt").asText())).isAfterOrEqualTo(
                before.plusSeconds(120));
    }

    @Test
    void aGatewayErrorPage_isTransient_andItsTitleIsTheMessage() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(502).withHeader("content-type",
                "text/html").withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
        Reply reply = sync();
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo("TRANSIENT");
        assertThat(reply.json().path("classification").path("message").asText()).isEqualTo("502 Bad Gateway");
        assertThat(reply.json().path("classification").path("httpStatus").asInt()).isEqualTo(502);
    }

    @Test
    void unknownDownstreamOrOrder_isA4xx() {
        Reply noDownstream = Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"nobody-here\"}");
        assertThat(noDownstream.status()).isEqualTo(422);
        assertThat(noDownstream.json().path("errors").get(0).path("field").asText()).isEqualTo("downstream");
        insurerAnswers(200, "{\"code\":\"0000\"}");
        assertThat(Api.post("/v1/orders/nope-" + order + "/sync", "{\"downstream\":\"" + downstream + "\"}").status())
                .isEqualTo(404);
        assertThat(calls()).isEmpty();
    }

    @Test
    void aWarmSuccessfulSync_costsTwoReadsTwoWritesAndOneDownstreamCall() {
        // given the downstream settings are warm (read once by an earlier sync)
        insurerAnswers(200, "{\"code\":\"0000\"}");
        String other = order + "-warm";
        orders.start(new OrderService.Start(Optional.of(other), Optional.empty(), Optional.empty(), Optional.empty(),
                NodeData.EMPTY, "fp-" + other));
        Api.post("/v1/orders/" + other + "/sync", "{\"downstream\":\"" + downstream + "\"}");
        Map<String, Long> before = AwsCallCounter.snapshot();
        // when
        Reply reply = sync();
        // then
        assertThat(reply.json().path("status").asText()).isEqualTo("SYNCED");
        // the order and its sync state are read; the claim (with the payload) and the outcome are written
        assertThat(AwsCallCounter.since(before)).containsExactlyInAnyOrderEntriesOf(Map.of("DynamoDb.GetItem", 2L,
                "DynamoDb.PutItem", 2L));
        assertThat(calls()).hasSize(2);
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Long-polls the retry queue until the message for {@code orderId} arrives (other tests' are deleted). */
    static Message receiveFor(String orderId) {
        var sqs = LocalBackendsResource.backends().sqs();
        String url = LocalBackendsResource.backends().queueUrls().get("RetryQueue");
        for (int polls = 0; polls < 10; polls++) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).maxNumberOfMessages(10))
                    .messages()) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                if (m.body().contains(orderId)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no retry message for " + orderId);
    }

    private static int closedPort() {
        return dev.baton.local.EmbeddedBackends.freePort();
    }
}
