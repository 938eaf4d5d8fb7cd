package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.FakeInsurer;
import dev.baton.support.Api.Reply;
import dev.baton.support.OrderSyncProfile;
import dev.baton.sync.domain.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What an operator on call does: list orders by sync state, page through them, redrive dead ones. */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class OperatorsTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;

    private final String downstream = "ops-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
        insurer.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(503).withBody("busy")));
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    private String deadOrder() {
        Api.put("/v1/downstreams/" + downstream, "{\"endpoint\":\"" + insurer.baseUrl() + "/down\","
                + "\"retry\":{\"maxAttempts\":1,\"baseDelaySeconds\":1,\"maxDelaySeconds\":1,\"deadlineSeconds\":60}}");
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Wang Wu\",\"mobile\":\"13800138000\"}"), "fp-" + id));
        Reply reply = Api.post("/v1/orders/" + id + "/sync", "{\"downstream\":\"" + downstream + "\"}");
        assertThat(reply.json().path("status").asText()).as(reply.toString()).isEqualTo("DEAD");
        assertThat(reply.json().path("nextAction").asText()).isEqualTo("CONTACT_SUPPORT");
        return id;
    }

    @Test
    void deadOrders_arePagedNewestFirst_withTheirClassification_andNoPersonalData() {
        // given three orders that went DEAD one after another
        List<String> mine = List.of(deadOrder(), deadOrder(), deadOrder());
        // when an operator pages through the DEAD orders two at a time
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            Reply reply = Api.get("/v1/orders?syncState=DEAD&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().path("orders").size()).isLessThanOrEqualTo(2);
            assertThat(reply.body()).doesNotContain("Wang Wu").doesNotContain("13800138000");
            reply.json().path("orders").forEach(seen::add);
            cursor = reply.json().path("nextCursor").isNull() ? null : reply.json().path("nextCursor").asText();
            if (cursor == null) {
                break;
            }
        }
        // then all three are there, newest first, with attempts and the last classification
        List<String> ids = seen.stream().map(o -> o.path("orderId").asText()).filter(mine::contains).toList();
        assertThat(ids).containsExactly(mine.get(2), mine.get(1), mine.get(0));
        List<Instant> changed = seen.stream().map(o -> Instant.parse(o.path("changedAt").asText())).toList();
        assertThat(changed).isSortedAccordingTo((a, b) -> b.compareTo(a));
        JsonNode one = seen.stream().filter(o -> o.path("orderId").asText().equals(mine.get(0))).findFirst()
                .orElseThrow();
        assertThat(one.path("attempt").asInt()).isEqualTo(1);
        assertThat(one.path("lastClassification").path("ruleId").asText()).isEqualTo("default.gateway-status");
    }

    @Test
    void badListingParameters_areA422NamingTheParameter() {
        assertThat(Api.get("/v1/orders?syncState=LOST").json().path("errors").get(0).path("field").asText())
                .isEqualTo("syncState");
        assertThat(Api.get("/v1/orders?syncState=SYNCED").json().path("errors").get(0).path("field").asText())
                .isEqualTo("syncState"); // not a listed state: nobody needs to look at synced orders
        assertThat(Api.get("/v1/orders?syncState=SYNCING").status()).isEqualTo(422);
        assertThat(Api.get("/v1/orders?syncState=DEAD&limit=0").status()).isEqualTo(422);
        Reply forged = Api.get("/v1/orders?syncState=DEAD&cursor=eyJpZCI6Ii4uIn0");
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }

    @Test
    void redrive_sendsADeadOrderBackToAsyncProcessing_andRefusesOthers() {
        // given
        String dead = deadOrder();
        // when
        Reply reply = Api.post("/v1/orders/" + dead + "/redrive", "");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().path("status").asText()).isEqualTo("ASYNC_PENDING");
        assertThat(reply.json().path("attempt").asInt()).isZero();
        Reply again = Api.post("/v1/orders/" + dead + "/redrive", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:baton:problem:not-dead");
        assertThat(Api.post("/v1/orders/o-" + UUID.randomUUID() + "/redrive", "").status()).isEqualTo(404);
        assertThat(Api.post("/v1/orders/" + dead + "/redrive", "{\"force\":true}").status()).isEqualTo(422);
    }

    private String orderSyncedTo(String endpointPath, int maxAttempts, String expected) {
        String name = downstream + "-" + maxAttempts + endpointPath.substring(1);
        Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"" + insurer.baseUrl() + endpointPath + "\",\"retry\":"
                + "{\"maxAttempts\":" + maxAttempts + ",\"baseDelaySeconds\":60,\"maxDelaySeconds\":60,"
                + "\"deadlineSeconds\":3600}}");
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                NodeData.EMPTY, "fp-" + id));
        Reply reply = Api.post("/v1/orders/" + id + "/sync", "{\"downstream\":\"" + name + "\"}");
        assertThat(reply.json().path("status").asText()).as(reply.toString()).isEqualTo(expected);
        return id;
    }

    @Test
    void withoutASyncState_everyOrderNeedingAttentionIsListed_newestFirst_acrossStatesAndShards() {
        // given dead and pending orders spread over the listing's shards, and a synced one nobody needs to see
        insurer.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("{}")));
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mine.add(i % 3 == 1 ? orderSyncedTo("/down", 5, "ASYNC_PENDING") : deadOrder());
        }
        String synced = orderSyncedTo("/ok", 1, "SYNCED");
        // when an operator pages through GET /v1/orders three at a time
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 500; page++) {
            Reply reply = Api.get("/v1/orders?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.json().path("orders").forEach(seen::add);
            cursor = reply.json().path("nextCursor").isNull() ? null : reply.json().path("nextCursor").asText();
            if (cursor == null) {
                break;
            }
        }
        // then each of mine is there exactly once, newest first, in its own state; the synced one is not
        List<String> ids = seen.stream().map(o -> o.path("orderId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(synced);
        List<String> newestFirst = new ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertThat(ids.stream().filter(mine::contains).toList()).containsExactlyElementsOf(newestFirst);
        assertThat(seen.stream().map(o -> o.path("syncState").asText()).distinct())
                .allMatch(s -> SyncState.valueOf(s).listed());
        // and a cursor of this listing is not one of a single state's
        Reply first = Api.get("/v1/orders?limit=1");
        String all = first.json().path("nextCursor").asText();
        assertThat(Api.get("/v1/orders?syncState=DEAD&cursor=" + all).status()).isEqualTo(422);
    }
}
