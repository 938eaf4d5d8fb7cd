package dev.baton.order;

import static dev.baton.order.OrderClient.carriedNodes;
import static dev.baton.order.OrderClient.complete;
import static dev.baton.order.OrderClient.completeAll;
import static dev.baton.order.OrderClient.handoff;
import static dev.baton.order.OrderClient.ids;
import static dev.baton.order.OrderClient.order;
import static dev.baton.order.OrderClient.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Handoffs end to end against DynamoDB Local: the rules of docs/semantics.md#handoff-rules, scenario by scenario. */
@QuarkusTest
@TestProfile(HandoffProfile.class)
class HandoffScenariosTest {

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;

    private Definitions defs;
    private final String order = "o-" + UUID.randomUUID();

    @BeforeEach
    void definitions() {
        defs = new Definitions(flows, mappings);
    }

    @Test
    void phoneToMobile_carriesOverTheThreeDoneSteps_andMobileResumesInItsOwnOrder() {
        // given a 7-step phone flow, a 6-step mobile flow and a mapping with an unmapped phone step
        defs.flow("phone", "quote", "vehicle", "driver", "coverage", "documents", "payment", "confirm")
                .flow("mobile", "start", "car", "person", "plan", "pay", "done")
                .mapping("phone", "mobile", "quote>start", "vehicle>car", "driver>person", "coverage>plan",
                        "payment>pay", "confirm>done");
        start(order, defs.type(), "phone", "agent-0042");
        completeAll(order, "phone", "agent-0042", "quote", "vehicle", "driver");
        // when
        Reply reply = handoff(order, "mobile", "app-7f3a");
        // then
        JsonNode h = reply.json();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(h.path("fromPlatform").asText()).isEqualTo("phone");
        assertThat(h.path("completedOnSource").toString()).isEqualTo("[\"quote\",\"vehicle\",\"driver\"]");
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("start", "car", "person");
        assertThat(h.path("carriedOver").get(1).path("sources").get(0).path("data").path("v").asText())
                .isEqualTo("vehicle");
        assertThat(ids(h.path("pending"))).containsExactly("plan", "pay", "done");
        assertThat(h.path("next").path("id").asText()).isEqualTo("plan");
        assertThat(h.path("mappingVersion").asInt()).isEqualTo(1);
        JsonNode stored = order(order);
        assertThat(stored.path("owner").path("platform").asText()).isEqualTo("mobile");
        assertThat(stored.path("progress").path("mobile").get(0).path("carriedOver").path("fromPlatform").asText())
                .isEqualTo("phone");
        assertThat(stored.path("handoffs").size()).isEqualTo(1);
    }

    @Test
    void oneToMany_oneSourceSatisfiesAllItsTargets_andManyToOne_needsAllSources() {
        // given phone "identity" → mobile "name","idcard"; phone "car","plate" → mobile "vehicle"
        defs.flow("phone", "identity", "car", "plate", "pay")
                .flow("mobile", "name", "idcard", "vehicle", "pay")
                .mapping("phone", "mobile", "identity>name,idcard", "car>vehicle", "plate>vehicle", "pay>pay");
        start(order, defs.type(), "phone", "agent-1");
        completeAll(order, "phone", "agent-1", "identity", "car");
        // when: only one of the two sources of "vehicle" is done
        JsonNode h = handoff(order, "mobile", "app-1").json();
        // then
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("name", "idcard");
        assertThat(ids(h.path("pending"))).containsExactly("vehicle", "pay");
    }

    @Test
    void manyToMany_andUnmappedTargetNodes_stayPendingUnlessSatisfied() {
        // given a 2:2 link and an associated node no link reaches
        defs.flow("web", "a", "b", "c").flow("mobile", "x", "y", "extra", "z")
                .mapping("web", "mobile", "a>x,y", "b>x,y", "c>z");
        start(order, defs.type(), "web", "browser-1");
        completeAll(order, "web", "browser-1", "a", "b", "c");
        // when
        JsonNode h = handoff(order, "mobile", "app-2").json();
        // then
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("x", "y", "z");
        assertThat(h.path("carriedOver").get(0).path("sources").findValuesAsText("node")).containsExactly("a", "b");
        assertThat(ids(h.path("pending"))).containsExactly("extra");
    }

    @Test
    void reverseDirection_usesTheInverseLinksOfTheSameMapping() {
        // given a mapping configured phone → mobile only
        defs.flow("phone", "p1", "p2", "p3").flow("mobile", "m1", "m2")
                .mapping("phone", "mobile", "p1>m1", "p2>m1", "p3>m2");
        start(order, defs.type(), "mobile", "app-3");
        completeAll(order, "mobile", "app-3", "m1");
        // when the order goes mobile → phone
        JsonNode h = handoff(order, "phone", "agent-3").json();
        // then m1 satisfies both p1 and p2 (1:N in this direction)
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("p1", "p2");
        assertThat(ids(h.path("pending"))).containsExactly("p3");
    }

    @Test
    void chainOfThreePlatforms_treatsCarriedOverNodesAsDone() {
        // given phone → web → mobile, each pair mapped 1:1
        defs.flow("phone", "a", "b", "c").flow("web", "a", "b", "c").flow("mobile", "a", "b", "c")
                .mapping("phone", "web", "a>a", "b>b", "c>c").mapping("web", "mobile", "a>a", "b>b", "c>c");
        start(order, defs.type(), "phone", "agent-4");
        completeAll(order, "phone", "agent-4", "a");
        handoff(order, "web", "browser-4");
        completeAll(order, "web", "browser-4", "b");
        // when
        JsonNode h = handoff(order, "mobile", "app-4").json();
        // then a (carried onto web) and b (done on web) both carry over to mobile
        assertThat(h.path("completedOnSource").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("a", "b");
        assertThat(h.path("next").path("id").asText()).isEqualTo("c");
    }

    @Test
    void roundTrip_keepsTheNodesTheFirstPlatformHadDone() {
        // given web → phone → web, where the mapping does not cover web's own "w2"
        defs.flow("web", "w1", "w2", "w3", "w4").flow("phone", "p1", "p3", "p4")
                .mapping("web", "phone", "w1>p1", "w3>p3", "w4>p4");
        start(order, defs.type(), "web", "browser-5");
        completeAll(order, "web", "browser-5", "w1", "w2");
        handoff(order, "phone", "agent-5");
        completeAll(order, "phone", "agent-5", "p3");
        // when
        JsonNode h = handoff(order, "web", "browser-6").json();
        // then w1, w2 stay done (not carried again); only w3 comes back from the phone
        assertThat(carriedNodes(h.path("carriedOver"))).containsExactly("w3");
        assertThat(ids(h.path("pending"))).containsExactly("w4");
        assertThat(order(order).path("progress").path("web").findValuesAsText("node"))
                .containsExactly("w1", "w2", "w3");
    }

    @Test
    void samePlatformTerminalChange_movesOwnershipWithoutAMapping_andRefusesTheOldTerminal() {
        // given
        defs.flow("phone", "a", "b");
        start(order, defs.type(), "phone", "agent-6");
        completeAll(order, "phone", "agent-6", "a");
        // when agent-7 takes over explicitly, naming the version it supersedes (no silent steals)
        Reply reply = Api.post("/v1/orders/" + order + "/handoffs",
                "{\"toPlatform\":\"phone\",\"terminalId\":\"agent-7\",\"expectedVersion\":2}");
        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("mappingVersion").isNull()).isTrue();
        assertThat(reply.json().path("carriedOver").size()).isZero();
        assertThat(ids(reply.json().path("pending"))).containsExactly("b");
        Reply stale = complete(order, "b", "phone", "agent-6", null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asText()).isEqualTo("urn:baton:problem:not-owner");
        assertThat(stale.json().path("detail").asText()).contains("phone").contains("ag***-7")
                .doesNotContain("agent-7");
        assertThat(complete(order, "b", "phone", "agent-7", null).status()).isEqualTo(200);
    }

    @Test
    void missingMapping_isA422NamingBothPlatforms_andNothingChanges() {
        // given two flows and no mapping
        defs.flow("phone", "a").flow("kiosk", "k");
        start(order, defs.type(), "phone", "agent-8");
        long before = order(order).path("version").asLong();
        // when
        Reply reply = handoff(order, "kiosk", "kiosk-1");
        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("toPlatform");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("phone").contains("kiosk");
        assertThat(order(order).path("version").asLong()).isEqualTo(before);
        assertThat(order(order).path("owner").path("platform").asText()).isEqualTo("phone");
    }

    @Test
    void unknownOrderOrPlatform_isA4xx_andNothingIsWritten() {
        defs.flow("phone", "a");
        assertThat(handoff("no-such-order", "phone", "t-1").status()).isEqualTo(404);
        start(order, defs.type(), "phone", "agent-9");
        Reply unknownPlatform = handoff(order, "fax", "t-1");
        assertThat(unknownPlatform.status()).isEqualTo(422);
        assertThat(unknownPlatform.json().path("errors").get(0).path("field").asText()).isEqualTo("toPlatform");
        assertThat(order(order).path("version").asLong()).isEqualTo(1);
    }
}
