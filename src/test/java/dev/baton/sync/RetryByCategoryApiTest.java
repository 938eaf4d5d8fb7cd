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
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A downstream's retry policy per category over the API: validated with the field named, read back as it applies,
 * and an {@code UNKNOWN} failure that used up its probes seen by an operator as {@code NEEDS_REVIEW} and redriven.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class RetryByCategoryApiTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;

    private final String name = "rc-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
        insurer.stubFor(post(urlEqualTo("/unknown")).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"E777\",\"msg\":\"系统异常\"}")));
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    private static String endpoint(String path) {
        return "{\"endpoint\":\"" + insurer.baseUrl() + path + "\",\"codePointer\":\"/code\","
                + "\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\"";
    }

    @Test
    void withoutOverrides_theDefaultsAreShown_throttledLikeRetry_unknownProbed() {
        // when
        Reply put = Api.put("/v1/downstreams/" + name, endpoint("/x") + ",\"retry\":{\"maxAttempts\":5,"
                + "\"baseDelaySeconds\":2,\"maxDelaySeconds\":30,\"deadlineSeconds\":3600}}");
        // then
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        JsonNode byCategory = Api.get("/v1/downstreams/" + name).json().path("retryByCategory");
        assertThat(byCategory.path("THROTTLED")).isEqualTo(put.json().path("retry"));
        assertThat(byCategory.path("UNKNOWN").toString()).isEqualTo("{\"baseDelaySeconds\":60,\"deadlineSeconds\":900,"
                + "\"maxAttempts\":4,\"maxDelaySeconds\":300}");
    }

    @Test
    void anOverride_isStored_andReadBackAsPublished_andRepublishingItChangesNothing() {
        // given
        String body = endpoint("/x") + ",\"retryByCategory\":{\"UNKNOWN\":{\"maxAttempts\":2,"
                + "\"baseDelaySeconds\":10}}}";
        // when
        Reply put = Api.put("/v1/downstreams/" + name, body);
        Reply get = Api.get("/v1/downstreams/" + name);
        // then
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        ObjectNode expected = put.json().deepCopy();
        expected.remove("created");
        assertThat(get.json()).isEqualTo(expected);
        assertThat(get.json().path("retryByCategory").path("UNKNOWN").toString()).isEqualTo(
                "{\"baseDelaySeconds\":10,\"deadlineSeconds\":900,\"maxAttempts\":2,\"maxDelaySeconds\":300}");
        Reply again = Api.put("/v1/downstreams/" + name, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void badOverrides_areA422NamingTheField_andStoreNothing() {
        assertThat(field(",\"retryByCategory\":{\"UNKNOWN\":{\"maxAttempts\":0}}"))
                .containsExactly("retryByCategory.UNKNOWN.maxAttempts");
        assertThat(field(",\"retryByCategory\":{\"UNKNOWN\":{\"baseDelaySeconds\":600}}"))
                .as("base above the default 300 s cap").containsExactly("retryByCategory.UNKNOWN");
        assertThat(field(",\"retryByCategory\":{\"TRANSIENT\":{\"maxAttempts\":3}}"))
                .as("TRANSIENT's policy is retry").containsExactly("retryByCategory.TRANSIENT");
        assertThat(field(",\"retryByCategory\":{\"REJECTED\":{}}")).containsExactly("retryByCategory.REJECTED");
        assertThat(field(",\"retryByCategory\":[]")).containsExactly("retryByCategory");
        assertThat(Api.get("/v1/downstreams/" + name).status()).isEqualTo(404);
    }

    private List<String> field(String extra) {
        Reply reply = Api.put("/v1/downstreams/" + name, endpoint("/x") + extra + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void anUnknownFailureOutOfProbes_isNeedsReview_listed_andRedriven() {
        // given a downstream that probes unknown failures once, and answers something no rule knows
        Api.put("/v1/downstreams/" + name, endpoint("/unknown") + ",\"retryByCategory\":{\"UNKNOWN\":"
                + "{\"maxAttempts\":1}}}");
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Sun Qi\",\"mobile\":\"13900139000\"}"), "fp-" + id));
        // when
        Reply reply = Api.post("/v1/orders/" + id + "/sync", "{\"downstream\":\"" + name + "\"}");
        // then the caller is told a human must look, and why
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(reply.json().path("nextAction").asText()).isEqualTo("CONTACT_SUPPORT");
        assertThat(reply.json().path("reviewReason").asText()).isEqualTo("ATTEMPTS_EXHAUSTED");
        assertThat(reply.json().has("deadReason")).isFalse();
        assertThat(reply.json().path("classification").path("category").asText()).isEqualTo("UNKNOWN");
        // and an operator finds it, without personal data
        Reply listed = Api.get("/v1/orders?syncState=NEEDS_REVIEW&limit=100");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain("Sun Qi").doesNotContain("13900139000");
        JsonNode mine = null;
        for (JsonNode o : listed.json().path("orders")) {
            if (o.path("orderId").asText().equals(id)) {
                mine = o;
            }
        }
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.path("reviewReason").asText()).isEqualTo("ATTEMPTS_EXHAUSTED");
        assertThat(mine.path("lastClassification").path("category").asText()).isEqualTo("UNKNOWN");
        // and redrives it
        Reply redrive = Api.post("/v1/orders/" + id + "/redrive", "");
        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(202);
        assertThat(redrive.json().path("status").asText()).isEqualTo("ASYNC_PENDING");
        assertThat(redrive.json().has("reviewReason")).isFalse();
    }

    @Test
    void theClassifyDryRun_namesEachCategorysNextOperation() {
        Api.put("/v1/downstreams/" + name, endpoint("/x") + "}");
        assertThat(classify("{\"kind\":\"DOWNSTREAM_CODE\",\"code\":\"E777\",\"message\":\"系统异常\"}"))
                .isEqualTo("UNKNOWN WAIT");
        assertThat(classify("{\"kind\":\"HTTP_STATUS\",\"httpStatus\":429}")).isEqualTo("THROTTLED WAIT");
        assertThat(classify("{\"kind\":\"HTTP_STATUS\",\"httpStatus\":400}")).isEqualTo("INVALID_DATA FIX_DATA");
        assertThat(classify("{\"kind\":\"DOWNSTREAM_CODE\",\"code\":\"E1\",\"message\":\"核保不通过\"}"))
                .isEqualTo("REJECTED STOP");
    }

    private String classify(String failure) {
        JsonNode c = Api.post("/v1/downstreams/" + name + "/classify", "{\"failure\":" + failure + "}").json();
        return c.path("category").asText() + " " + c.path("nextAction").asText();
    }
}
