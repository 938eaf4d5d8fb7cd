package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.LastFailure;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A failure the model decided says so wherever it is shown: the classify dry run and the stored last classification
 * (read back from the table) both carry the model's confidence and the features that weighed most, and the dry
 * run says why in words.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class ModelConfidenceApiTest {

    /** A rejection in words no default rule knows ("不予受理", not "不予承保"). */
    private static final String REJECTION = "{\"code\":\"UW77\",\"msg\":\"高风险职业暂不受理\"}";

    static WireMockServer insurer;

    @Inject
    OrderService orders;

    @Inject
    SyncStore syncs;

    private final String name = "mc-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
        insurer.stubFor(post(urlEqualTo("/reject")).willReturn(aResponse().withStatus(200).withBody(REJECTION)));
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    @Test
    void theDryRun_ofAFailureTheModelDecides_answersItsConfidenceFeaturesAndReason() {
        // given
        Api.put("/v1/downstreams/" + name, settings());

        // when
        JsonNode c = Api.post("/v1/downstreams/" + name + "/classify", "{\"failure\":{\"kind\":\"DOWNSTREAM_CODE\","
                + "\"code\":\"UW77\",\"message\":\"高风险职业暂不受理\"}}").json();

        // then
        assertThat(c.path("category").asText()).isEqualTo("REJECTED");
        assertThat(c.path("source").asText()).isEqualTo("MODEL");
        assertThat(c.path("model").path("confidence").asDouble()).isBetween(0.7, 1.0);
        assertThat(c.path("model").path("features").size()).isBetween(1, 3);
        assertThat(c.path("reason").asText()).startsWith("model ");
        assertThat(c.path("reason").asText()).contains(c.path("model").path("features").get(0).asText());
    }

    @Test
    void aSyncTheModelAnsweredFinal_storesTheConfidenceWithTheLastClassification() {
        // given
        Api.put("/v1/downstreams/" + name, settings());
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Sun Qi\"}"), "fp-" + id));

        // when
        Reply reply = Api.post("/v1/orders/" + id + "/sync", "{\"downstream\":\"" + name + "\"}");

        // then the answer and the stored order both name the model, its confidence and features
        assertThat(reply.json().path("status").asText()).as(reply.toString()).isEqualTo("REJECTED");
        JsonNode answered = reply.json().path("classification");
        assertThat(answered.path("ruleId").asText()).as(reply.toString()).isEqualTo("model");
        assertThat(answered.path("modelCategory").asText()).isEqualTo("REJECTED");
        assertThat(answered.path("confidence").asDouble()).isBetween(0.7, 1.0);
        assertThat(answered.path("features").size()).isBetween(1, 3);
        LastFailure stored = syncs.find(id).orElseThrow().lastFailure();
        assertThat(stored.ruleId()).isEqualTo("model");
        assertThat(stored.modelCategory()).isEqualTo("REJECTED");
        assertThat(stored.confidence()).isEqualTo(answered.path("confidence").asDouble());
        assertThat(stored.features()).hasSize(answered.path("features").size());
    }

    private static String settings() {
        return "{\"endpoint\":\"" + insurer.baseUrl() + "/reject\",\"codePointer\":\"/code\","
                + "\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\"}";
    }
}
