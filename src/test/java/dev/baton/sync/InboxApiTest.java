package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.baton.support.Api.Reply;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The inbox routes of {@code order-sync} over its real HTTP event handling (DynamoDB Local, ElasticMQ, a WireMock
 * insurer): the group of an order waiting for review, its dry run, publish and release; bad input is a problem
 * naming the field, and an unknown downstream or group a 404.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class InboxApiTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;
    @Inject
    dev.baton.sync.app.SyncStore syncStore;

    private final String name = "ia-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RULE = "{\"id\":\"pending\",\"when\":{\"codes\":[\"ERR-917\"]},\"category\":"
            + "\"REJECTED\"}";

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
        insurer.stubFor(post(urlEqualTo("/odd")).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"ERR-917\",\"msg\":\"处理结果待确认 手机13900139000\"}")));
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    private String orderWaitingForReview() {
        Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"" + insurer.baseUrl() + "/odd\",\"codePointer\":"
                + "\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\",\"retryByCategory\":{\"UNKNOWN\":"
                + "{\"maxAttempts\":1}}}");
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Sun Qi\"}"), "fp-" + id));
        Reply sync = Api.post("/v1/orders/" + id + "/sync", "{\"downstream\":\"" + name + "\"}");
        assertThat(sync.json().path("status").asText()).as(sync.toString()).isEqualTo("NEEDS_REVIEW");
        return id;
    }

    @Test
    void theGroup_itsDryRun_publishAndRelease_overHttp() {
        // given
        String id = orderWaitingForReview();
        // when
        Reply inbox = Api.get("/v1/downstreams/" + name + "/inbox");
        // then the group is listed without the mobile number, with a drafted rule
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        assertThat(inbox.body()).doesNotContain("13900139000");
        JsonNode group = inbox.json().path("groups").path(0);
        assertThat(group.path("failures").asLong()).isEqualTo(1);
        assertThat(group.path("exampleOrderIds").toString()).contains(id);
        assertThat(group.path("draft").path("when").path("codes").toString()).isEqualTo("[\"ERR-917\"]");
        String g = group.path("id").asText();
        // and a dry run reports one failure UNKNOWN → REJECTED
        Reply dry = Api.post("/v1/downstreams/" + name + "/inbox/dry-run", "{\"rule\":" + RULE + "}");
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("reclassified").asLong()).isEqualTo(1);
        assertThat(dry.json().path("transitions").size()).isEqualTo(1);
        assertThat(dry.json().path("transitions").path(0).path("from").asText()).isEqualTo("UNKNOWN");
        assertThat(dry.json().path("transitions").path(0).path("to").asText()).isEqualTo("REJECTED");
        // and publishing releases the order to REJECTED; publishing again creates nothing and releases nothing
        Reply published = Api.post("/v1/downstreams/" + name + "/inbox/" + g + "/rule", "{\"rule\":" + RULE + "}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("release").path("releasedTo").path("REJECTED").asLong()).isEqualTo(1);
        Reply again = Api.post("/v1/downstreams/" + name + "/inbox/" + g + "/rule", "{\"rule\":" + RULE + "}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("release").path("released").asLong()).isZero();
        assertThat(again.json().path("release").path("skipped").path("not-needs-review").asLong()).isEqualTo(1);
        assertThat(syncStore.find(id).orElseThrow().state()).isEqualTo(dev.baton.sync.domain.SyncState.REJECTED);
        // and a release alone is answered the same way, with an empty body
        Reply release = Api.post("/v1/downstreams/" + name + "/inbox/" + g + "/release", "");
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        assertThat(release.json().path("released").asLong()).isZero();
    }

    @Test
    void badInput_isAProblemNamingTheField() {
        orderWaitingForReview();
        String g = Api.get("/v1/downstreams/" + name + "/inbox").json().path("groups").path(0).path("id").asText();
        String base = "/v1/downstreams/" + name + "/inbox";
        assertThat(fields(Api.post(base + "/dry-run", "{}"))).containsExactly("rule");
        assertThat(fields(Api.post(base + "/dry-run", "{\"rule\":{\"id\":\"x\",\"when\":{\"codes\":[\"E\"]},"
                + "\"category\":\"NOPE\"}}"))).containsExactly("rule.category");
        assertThat(fields(Api.post(base + "/dry-run", "{\"rule\":{\"id\":\"x\",\"when\":{},\"category\":"
                + "\"REJECTED\"}}"))).containsExactly("rule.when");
        assertThat(fields(Api.post(base + "/" + g + "/rule", "{\"rule\":" + RULE + ",\"release\":\"yes\"}")))
                .containsExactly("release");
        assertThat(fields(Api.post(base + "/NOT-A-GROUP/release", ""))).containsExactly("group");
        assertThat(fields(Api.post(base + "/" + g + "/release", "{\"cursor\":\"bogus\"}"))).containsExactly("cursor");
        assertThat(fields(Api.get(base + "?limit=0"))).containsExactly("limit");
        assertThat(Api.post(base + "/dry-run", "{\"rule\":").status()).isEqualTo(400);
        assertThat(Api.post(base + "/0123456789abcdef/release", "").status()).isEqualTo(404);
        assertThat(Api.get("/v1/downstreams/no-such-" + name + "/inbox").status()).isEqualTo(404);
        // and nothing was published
        assertThat(Api.get("/v1/downstreams/" + name).json().path("version").asInt()).isEqualTo(1);
    }

    private static List<String> fields(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isIn(400, 422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
