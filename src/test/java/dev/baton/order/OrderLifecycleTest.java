package dev.baton.order;

import static dev.baton.order.OrderClient.complete;
import static dev.baton.order.OrderClient.completeAll;
import static dev.baton.order.OrderClient.handoff;
import static dev.baton.order.OrderClient.ids;
import static dev.baton.order.OrderClient.order;
import static dev.baton.order.OrderClient.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.order.app.ProgressService;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Starting orders, completing nodes in order, ownership races and the cost of a handoff. */
@QuarkusTest
@TestProfile(HandoffProfile.class)
class OrderLifecycleTest {

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    ProgressService progress;

    private Definitions defs;
    private final String order = "o-" + UUID.randomUUID();

    @BeforeEach
    void definitions() {
        defs = new Definitions(flows, mappings).flow("phone", "a", "b", "c").flow("mobile", "x", "y", "z")
                .mapping("phone", "mobile", "a>x", "b>y", "c>z");
    }

    @Test
    void startingAnOrder_answersItsPendingNodes_andPinsTheDefinitionsInForce() {
        // when
        Reply reply = start(order, defs.type(), "phone", "agent-1");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("orderId").asText()).isEqualTo(order);
        assertThat(ids(reply.json().path("pending"))).containsExactly("a", "b", "c");
        assertThat(reply.json().path("next").path("id").asText()).isEqualTo("a");
        var stored = order(order);
        assertThat(stored.path("pins").path("flows").path("phone").asInt()).isEqualTo(1);
        assertThat(stored.path("pins").path("mappings").path("phone>mobile").asInt()).isEqualTo(1);
        assertThat(stored.path("syncState").asText()).isEqualTo("NOT_SYNCED");
    }

    @Test
    void aClientChosenId_isAcceptedOnce_sameRequestIsIdempotent_differentIsAConflict() {
        assertThat(start(order, defs.type(), "phone", "agent-1").status()).isEqualTo(201);
        Reply same = start(order, defs.type(), "phone", "agent-1");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("version").asLong()).isEqualTo(1);
        Reply different = start(order, defs.type(), "phone", "agent-2");
        assertThat(different.status()).isEqualTo(409);
        assertThat(order(order).path("owner").path("terminalId").asText()).isEqualTo("agent-1");
    }

    @Test
    void aPlainOrder_hasNoFlow_andCannotBeProgressed() {
        Reply reply = Api.post("/v1/orders", "{\"orderId\":\"" + order + "\",\"data\":{\"name\":\"x\"}}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("pending").size()).isZero();
        assertThat(complete(order, "a", "phone", "agent-1", null).status()).isEqualTo(409);
        assertThat(handoff(order, "mobile", "app-1").status()).isEqualTo(409);
        Reply generated = Api.post("/v1/orders", "{}");
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.json().path("orderId").asText()).isNotBlank();
    }

    @Test
    void partialOwnerFields_andBadIds_areA422NamingEachField() {
        Reply reply = Api.post("/v1/orders", "{\"businessType\":\"" + defs.type() + "\",\"orderId\":\"a b\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("orderId", "platform", "terminalId");
    }

    @Test
    void nodesAreCompletedInFlowOrder_andTheLastCompletionRepeatsIdempotently() {
        // given
        start(order, defs.type(), "phone", "agent-1");
        // when / then: skipping ahead names the expected node
        Reply skip = complete(order, "b", "phone", "agent-1", null);
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().path("detail").asText()).contains("Node a is the next node");
        Reply first = complete(order, "a", "phone", "agent-1", "{\"plate\":\"AB123\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("next").path("id").asText()).isEqualTo("b");
        long version = order(order).path("version").asLong();
        // repeating with the same data (keys in another order) changes nothing
        Reply again = complete(order, "a", "phone", "agent-1", "{ \"plate\" : \"AB123\" }");
        assertThat(again.status()).isEqualTo(200);
        assertThat(order(order).path("version").asLong()).isEqualTo(version);
        // the same node with other data is a conflict
        assertThat(complete(order, "a", "phone", "agent-1", "{\"plate\":\"ZZ999\"}").status()).isEqualTo(409);
        assertThat(complete(order, "nope", "phone", "agent-1", null).status()).isEqualTo(422);
        assertThat(complete(order, "a", "mobile", "agent-1", null).status()).isEqualTo(409);
        completeAll(order, "phone", "agent-1", "b", "c");
        Reply done = complete(order, "c", "phone", "agent-1", "{\"v\":\"c\"}");
        assertThat(done.json().path("complete").asBoolean()).isTrue();
        assertThat(done.json().has("next")).isTrue();
        assertThat(done.json().path("next").isNull()).isTrue();
    }

    @Test
    void nodeDataOverTheLimit_isA422_andAnOrderThatWouldOutgrowItsItemIsA413() {
        // given a flow long enough to outgrow the item limit
        String[] nodes = new String[40];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = "n" + i;
        }
        defs.flow("web", nodes);
        start(order, defs.type(), "web", "browser-1");
        String big = "{\"blob\":\"" + "x".repeat(16_000) + "\"}";
        Reply tooBig = complete(order, "n0", "web", "browser-1", "{\"blob\":\"" + "x".repeat(17_000) + "\"}");
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().path("errors").get(0).path("field").asText()).isEqualTo("data");
        // when
        Reply last = null;
        int completed = 0;
        for (String node : nodes) {
            last = complete(order, node, "web", "browser-1", big);
            if (last.status() != 200) {
                break;
            }
            completed++;
        }
        // then the write that would cross ~350 KB is refused and the order keeps what it had
        assertThat(last.status()).as(last.toString()).isEqualTo(413);
        assertThat(completed).isBetween(15, 25);
        assertThat(order(order).path("progress").path("web").size()).isEqualTo(completed);
    }

    @Test
    void twentyConcurrentTakeovers_haveExactlyOneWinner() throws Exception {
        // given (the mock Lambda event server runs one invocation at a time, as one Lambda instance does;
        // concurrent Lambda instances are modelled by threads calling the service that the function calls)
        start(order, defs.type(), "phone", "agent-1");
        completeAll(order, "phone", "agent-1", "a");
        // every racer read the same state: it takes over that version of the order
        long seen = order(order).path("version").asLong();
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        // when
        for (int i = 0; i < racers; i++) {
            String terminal = "app-" + i;
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    progress.handoff(order, "mobile", terminal, java.util.OptionalLong.of(seen));
                    return "won";
                } catch (ConflictException e) {
                    return e.reason();
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        // then
        assertThat(results).containsOnly("won", "lost-race");
        assertThat(results.stream().filter("won"::equals).count()).isEqualTo(1);
        var stored = order(order);
        assertThat(stored.path("handoffs").size()).isEqualTo(1);
        String winner = stored.path("owner").path("terminalId").asText();
        assertThat(stored.path("handoffs").get(0).path("toTerminal").asText()).isEqualTo(winner);
        assertThat(stored.path("progress").path("mobile").size()).isEqualTo(1);
        Reply loserLater = complete(order, "y", "mobile", winner.equals("app-0") ? "app-1" : "app-0", null);
        assertThat(loserLater.status()).isEqualTo(409);
        // a late racer over HTTP, with the version it saw, is refused too
        Reply late = Api.post("/v1/orders/" + order + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":"
                + "\"app-late\",\"expectedVersion\":" + seen + "}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("type").asText()).isEqualTo("urn:baton:problem:lost-race");
    }

    @Test
    void aHandoffOnWarmDefinitions_costsOneReadAndOneWrite() {
        // given a warm function: an earlier order's handoff cached the same pinned definitions
        String earlier = order + "-warm";
        start(earlier, defs.type(), "phone", "agent-0");
        handoff(earlier, "mobile", "app-0");
        start(order, defs.type(), "phone", "agent-1");
        completeAll(order, "phone", "agent-1", "a");
        Map<String, Long> before = AwsCallCounter.snapshot();
        // when
        Reply reply = handoff(order, "mobile", "app-1");
        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(AwsCallCounter.since(before)).containsExactlyInAnyOrderEntriesOf(
                Map.of("DynamoDb.GetItem", 1L, "DynamoDb.PutItem", 1L));
    }
}
