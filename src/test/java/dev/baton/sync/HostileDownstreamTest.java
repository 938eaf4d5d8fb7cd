package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.order.app.OrderStore;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Pins;
import dev.baton.shared.app.TooLargeException;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderSyncProfile;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.app.SyncStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A downstream that misbehaves the ways HTTP allows — a body dripped one chunk at a time, an endless answer —
 * and orders at the size limits: a sync never waits past its budget, never buffers without bound, and is never
 * called for an order whose outcome could not be recorded.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class HostileDownstreamTest {

    static WireMockServer insurer;

    @Inject
    OrderStore orders;
    @Inject
    SyncService sync;
    @Inject
    SyncStore syncStore;

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
        Reply put = Api.put("/v1/downstreams/" + downstream, OrderSyncTest.settings(insurer.baseUrl() + path, 1000));
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        orders.create(Order.start(order, null, null, Pins.NONE, new NodeData("{\"applicant\":\"Zhang San\"}"),
                "fp-" + order, Instant.now()));
    }

    private Reply syncCall() {
        return Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"" + downstream + "\"}");
    }

    @Test
    void anInsurerThatDripsItsBody_isCutAtTheTimeout_andTheOrderGoesToAsyncProcessing() {
        // given an insurer that sends its headers at once and then its (successful) body over 6 s
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"padding\":\"" + "x".repeat(600) + "\"}")
                .withChunkedDribbleDelay(30, 6000)));
        // when the order is synced with a 1000 ms timeout
        Reply reply = syncCall();
        // then the caller gets an answer: the exchange was cut, classified as a timeout, and retried later
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().path("status").asText()).isEqualTo("ASYNC_PENDING");
        assertThat(reply.json().path("classification").path("kind").asText()).isEqualTo("TIMEOUT");
        assertThat(syncStore.find(order).orElseThrow().payload()).as("the payload is kept for the retry").isNotNull();
    }

    @Test
    void anInsurerThatEchoesTheRequest_neverGetsTheSecretOrTheDataIntoAnAnswerOrTheStore() {
        // given an insurer whose error message echoes the request: its Authorization header and the applicant
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(
                "{\"code\":\"9999\",\"msg\":\"bad request. Authorization: Bearer test-token; applicant"
                        + " \\\"Zhang San\\\" unknown; token test-token\"}")));
        // when
        Reply reply = syncCall();
        // then the caller (and every later reader of the stored state) sees where the values were, not the values
        String message = reply.json().path("classification").path("message").asText();
        assertThat(message).as(reply.toString()).contains("[redacted]").doesNotContain("test-token")
                .doesNotContain("Zhang San");
        assertThat(syncStore.find(order).orElseThrow().lastFailure().message()).isEqualTo(message);
    }

    @Test
    void aMessageCutShortInsideASecret_doesNotKeepItsFirstCharacters() {
        // given an insurer whose 300th message character falls inside the echoed token
        String pad = "p".repeat(300 - "Bearer test-".length());
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500).withBody(
                "{\"code\":\"E\",\"message\":\"" + pad + "Bearer test-token and more\"}")));
        // when
        Reply reply = syncCall();
        // then
        assertThat(reply.json().path("classification").path("message").asText()).as(reply.toString())
                .endsWith("[redacted]").doesNotContain("Bearer test-");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json;charset=GBK", "application/json"})
    void aBusyAnswerInGbk_isReadAsBusy_andRetried(String contentType) {
        // given an insurer answering "系统繁忙" in GBK, with the charset named or not
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType)
                .withBody("{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}".getBytes(java.nio.charset.Charset.forName("GBK")))));
        // when
        Reply reply = syncCall();
        // then it is read as the busy answer it is: retried, not left for review as unreadable text
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().path("status").asText()).isEqualTo("ASYNC_PENDING");
        assertThat(reply.json().path("classification").path("message").asText()).isEqualTo("系统繁忙，请稍后重试");
    }

    @Test
    void aMessageCutShortInsideAnIdNumber_keepsNoneOfItsDigits() {
        // given an insurer whose message is cut (300 characters kept) 12 digits into a resident ID number: region
        // and month of birth, which no mask pattern recognises once the number is cut
        String pad = "证件号码不符 " + "x".repeat(300 - "证件号码不符 ".length() - 12);
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(400).withBody(
                "{\"code\":\"E1\",\"msg\":\"" + pad + "110101199003077758 请核对\"}")));
        // when
        Reply reply = syncCall();
        // then neither the caller nor the stored state keeps any part of the number
        String message = reply.json().path("classification").path("message").asText();
        assertThat(message).as(reply.toString()).startsWith("证件号码不符 xxx").doesNotContainPattern("[0-9]");
        assertThat(syncStore.find(order).orElseThrow().lastFailure().message()).doesNotContainPattern("[0-9]");
    }

    @Test
    void anEndlessAnswer_isReadUpToTheLimit_thenCutAndClassified() {
        // given an insurer answering 200 with 3 MB that never forms its result code
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")));
        // when
        Reply reply = syncCall();
        // then the answer is classified from its first 256 KiB and says so
        assertThat(reply.status()).as(reply.toString()).isIn(200, 202, 422);
        assertThat(reply.json().path("classification").path("message").asText()).contains("cut at 262144 bytes");
    }

    @Test
    void anOrderNearTheItemLimit_isSyncedAndRecorded() {
        // given an order of ~300 KB (under the 350,000-byte order limit); before, order + payload exceeded 400 KB
        String big = "big-" + UUID.randomUUID();
        orders.create(Order.start(big, null, null, Pins.NONE, new NodeData("{\"scan\":\"" + "A".repeat(300_000)
                + "\"}"), "fp-" + big, Instant.now()));
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"data\":{\"proposalNo\":\"P-BIG\"}}")));
        // sending 300 KB is not what this test is about: a roomy timeout keeps a busy machine from making it one
        String roomy = downstream + "-roomy";
        assertThat(Api.put("/v1/downstreams/" + roomy, OrderSyncTest.settings(insurer.baseUrl() + path, 10_000))
                .status()).isEqualTo(201);
        // when
        Reply reply = Api.post("/v1/orders/" + big + "/sync", "{\"downstream\":\"" + roomy + "\"}");
        // then the outcome was recorded, not just sent
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(syncStore.find(big).orElseThrow().reference()).isEqualTo("P-BIG");
    }

    @Test
    void aPayloadThatCouldNotBeRecorded_isRefusedBeforeTheInsurerIsCalled() {
        // given a payload over the recordable limit (the route caps caller payloads lower; this is the guard)
        NodeData huge = new NodeData("{\"scan\":\"" + "A".repeat(SyncStore.MAX_PAYLOAD_BYTES) + "\"}");
        // when / then
        assertThatThrownBy(() -> sync.sync(order, downstream, Optional.of(huge)))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("at most " + SyncStore.MAX_PAYLOAD_BYTES);
        assertThat(insurer.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
        assertThat(syncStore.find(order)).isEmpty();
    }

    @Test
    void aLoneSurrogateInAPayload_isA422NamingTheField_andNothingIsSent() {
        // when
        Reply reply = Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"" + downstream
                + "\",\"payload\":{\"name\":\"Li\\ud800\"}}");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("payload.name");
        assertThat(insurer.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
        assertThat(syncStore.find(order)).isEmpty();
    }

    @Test
    void loneSurrogatesInKeys_areA422_notTwoKeysSilentlyMadeEqual() {
        // given two keys that would both become "?" if the surrogates were silently replaced
        String body = "{\"downstream\":\"" + downstream + "\",\"payload\":{\"\\udc00\":1,\"\\ud800\":2}}";
        // when
        Reply reply = Api.post("/v1/orders/" + order + "/sync", body);
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("payload");
        assertThat(insurer.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
    }
}
