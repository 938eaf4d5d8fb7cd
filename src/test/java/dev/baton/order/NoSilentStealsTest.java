package dev.baton.order;

import static dev.baton.order.OrderClient.completeAll;
import static dev.baton.order.OrderClient.order;
import static dev.baton.order.OrderClient.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.order.app.GrantService;
import dev.baton.order.app.HandoffService;
import dev.baton.order.domain.Caller;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.support.Api;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * No silent steals and single-use grants under real concurrency: threads call the handoff service (as
 * concurrent Lambda instances would) against DynamoDB Local, all released at once by a latch.
 */
@QuarkusTest
@TestProfile(HandoffProfile.class)
class NoSilentStealsTest {

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    HandoffService handoffs;
    @Inject
    GrantService grants;

    private final String order = "o-" + java.util.UUID.randomUUID();

    @BeforeEach
    void phoneOrderWithOneStepDone() {
        Definitions defs = new Definitions(flows, mappings).flow("phone", "a", "b").flow("mobile", "x", "y")
                .mapping("phone", "mobile", "a>x");
        start(order, defs.type(), "phone", "agent-1");
        completeAll(order, "phone", "agent-1", "a");
    }

    /** Runs the tasks at once on their own threads; answers "won" or the refusal's reason for each. */
    private static List<String> race(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    task.call();
                    return "won";
                } catch (ConflictException e) {
                    return e.reason();
                } catch (NotFoundException e) {
                    return "not-found";
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        return results;
    }

    @Test
    void twentyRacersWithoutExpectedVersion_oneWins_nineteenAreToldWhoOwnsIt() throws Exception {
        // when twenty app terminals take the order over without naming a version
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String terminal = "app-" + i;
            racers.add(() -> handoffs.handoff(order, new HandoffService.Request("mobile", terminal,
                    OptionalLong.empty(), Optional.empty(), Caller.TRUSTED)));
        }
        List<String> results = race(racers);
        // then exactly one owns it; the others learnt they did not (lost the write, or met the winner)
        assertThat(results.stream().filter("won"::equals).count()).as(results.toString()).isEqualTo(1);
        assertThat(results).isSubsetOf("won", "lost-race", "unnamed-takeover");
        JsonNode stored = order(order);
        assertThat(stored.path("handoffs").size()).isEqualTo(1);
        assertThat(stored.path("owner").path("terminalId").asText())
                .isEqualTo("app-" + results.indexOf("won"));
    }

    @Test
    void twentyRacersOverHttp_oneWins_nineteenGet409() throws Exception {
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-" + i + "\"}";
            racers.add(() -> {
                Api.Reply reply = Api.post("/v1/orders/" + order + "/handoffs", body);
                if (reply.status() != 200) {
                    throw new ConflictException(reply.status() + " " + reply.json().path("type").asText(), "");
                }
                return reply;
            });
        }
        List<String> results = race(racers);
        assertThat(results.stream().filter("won"::equals).count()).as(results.toString()).isEqualTo(1);
        assertThat(results).isSubsetOf("won", "409 urn:baton:problem:lost-race",
                "409 urn:baton:problem:unnamed-takeover");
    }

    @Test
    void twoPresentersOfOneGrant_exactlyOneWins() throws Exception {
        // given the owner issued a grant for mobile
        String code = grants.issue(order, "mobile", Duration.ofMinutes(10), Caller.verified("agent-1", false))
                .code();
        // when ten app terminals present it at once (with tokens, as deployed)
        List<Callable<Object>> presenters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String terminal = "app-" + i;
            presenters.add(() -> handoffs.handoff(order, new HandoffService.Request("mobile", terminal,
                    OptionalLong.empty(), Optional.of(code), Caller.verified(terminal, false))));
        }
        List<String> results = race(presenters);
        // then one wins; the others lost the write, or found the grant spent (and the order not theirs)
        assertThat(results.stream().filter("won"::equals).count()).as(results.toString()).isEqualTo(1);
        assertThat(results).isSubsetOf("won", "lost-race", "not-found");
        JsonNode stored = order(order);
        assertThat(stored.path("handoffs").get(0).path("grant").asText()).hasSize(12);
    }

    @Test
    void aSamePlatformTakeover_namingTheVersionItSupersedes_isExplicitAndAllowed() {
        handoffs.handoff(order, new HandoffService.Request("phone", "agent-2", OptionalLong.of(2),
                Optional.empty(), Caller.TRUSTED));
        assertThat(order(order).path("owner").path("terminalId").asText()).isEqualTo("agent-2");
        Api.Reply unnamed = Api.post("/v1/orders/" + order + "/handoffs",
                "{\"toPlatform\":\"phone\",\"terminalId\":\"agent-3\"}");
        assertThat(unnamed.status()).isEqualTo(409);
        assertThat(unnamed.json().path("detail").asText()).contains("ag***-2");
    }
}
