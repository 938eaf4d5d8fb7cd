package dev.baton.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.blackbox.Http.Reply;
import dev.baton.shared.domain.Mask;

/**
 * Takeover and grant races from outside: concurrent HTTP calls through the local gateway of the stack run as a
 * separate process, released together by a latch (no sleeps, no timing). Two stacks, each shared by the class:
 * one with {@code BATON_AUTH_MODE=jwt} and real tokens (grants, strangers), one with authentication off, where any
 * caller may take an order over and "no silent steals" alone must keep twenty racers from all winning.
 *
 * <p>The local stack runs one process per function, so the gateway hands the racers to the function one after
 * another: these tests prove what a caller is told whatever the order of arrival; the lost conditional write of
 * truly simultaneous takeovers is proved in the JVM ({@code NoSilentStealsTest}).
 */
class TakeoverRacesIT {

    static final String TYPE = "bb-race";
    static final String OWNER = "agent-owner-01";

    static Tokens tokens;
    static BlackBoxStack jwt;
    static BlackBoxStack open;
    static Http secured;
    static Http trusting;
    static final AtomicInteger ORDERS = new AtomicInteger();

    @BeforeAll
    static void startStacks() throws Exception {
        tokens = Tokens.generate();
        // the two stacks start side by side
        java.util.concurrent.CompletableFuture<BlackBoxStack> trustingStack = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return BlackBoxStack.trusting("takeover-races-open");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        try {
            jwt = BlackBoxStack.withTokens("takeover-races-jwt", tokens);
        } finally {
            open = trustingStack.get();
        }
        secured = new Http(jwt.baseUri());
        trusting = new Http(open.baseUri());
        String admin = tokens.valid(Tokens.ADMIN, null);
        for (Http http : List.of(secured, trusting)) {
            String token = http == secured ? admin : null;
            String t = "/v1/business-types/" + TYPE;
            expect(http.call("PUT", t + "/flows/phone", "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Quote\"},"
                    + "{\"id\":\"vehicle\",\"name\":\"Vehicle\"}]}", token), 201);
            expect(http.call("PUT", t + "/flows/mobile", "{\"nodes\":[{\"id\":\"start\",\"name\":\"Start\"},"
                    + "{\"id\":\"car\",\"name\":\"Car\"}]}", token), 201);
            expect(http.call("PUT", t + "/flows/web", "{\"nodes\":[{\"id\":\"begin\",\"name\":\"Begin\"},"
                    + "{\"id\":\"auto\",\"name\":\"Auto\"}]}", token), 201);
            expect(http.call("PUT", t + "/mappings/phone/mobile", "{\"links\":[{\"from\":\"quote\",\"to\":"
                    + "[\"start\"]},{\"from\":\"vehicle\",\"to\":[\"car\"]}]}", token), 201);
            expect(http.call("PUT", t + "/mappings/phone/web", "{\"links\":[{\"from\":\"quote\",\"to\":"
                    + "[\"begin\"]},{\"from\":\"vehicle\",\"to\":[\"auto\"]}]}", token), 201);
        }
    }

    @AfterAll
    static void stopStacks() throws Exception {
        for (BlackBoxStack stack : new BlackBoxStack[] {jwt, open}) {
            if (stack != null) {
                stack.close();
            }
        }
    }

    static Reply expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    static String terminal(String terminal) throws Exception {
        return tokens.valid(Tokens.TERMINAL, terminal);
    }

    /** A fresh order on {@code http}, owned by {@link #OWNER} on phone with its first node done. */
    static String newOrder(Http http) throws Exception {
        String key = "race-" + ORDERS.incrementAndGet();
        String token = http == secured ? terminal(OWNER) : null;
        // with tokens the order's id is derived from the key and the terminal (ids per terminal): use the answer's
        String id = expect(http.call("POST", "/v1/orders", "{\"orderId\":\"" + key + "\",\"businessType\":\""
                + TYPE + "\",\"platform\":\"phone\",\"terminalId\":\"" + OWNER + "\"}", token), 201).json()
                .path("orderId").asText();
        expect(http.call("POST", "/v1/orders/" + id + "/nodes/quote/complete", "{\"platform\":\"phone\","
                + "\"terminalId\":\"" + OWNER + "\",\"data\":{\"premium\":3200}}", token), 200);
        return id;
    }

    static Reply handoff(Http http, String order, String toPlatform, String terminal, String grant) throws Exception {
        return http.call("POST", "/v1/orders/" + order + "/handoffs", "{\"toPlatform\":\"" + toPlatform
                + "\",\"terminalId\":\"" + terminal + "\"" + (grant == null ? "" : ",\"grant\":\"" + grant + "\"")
                + "}", http == secured ? terminal(terminal) : null);
    }

    static String grant(String order, String toPlatform) throws Exception {
        Reply issued = expect(secured.call("POST", "/v1/orders/" + order + "/handoff-grants", "{\"toPlatform\":\""
                + toPlatform + "\"}", terminal(OWNER)), 201);
        return issued.json().path("code").asText();
    }

    /** The order as its owner {@code owner} reads it. */
    static JsonNode read(Http http, String order, String owner) throws Exception {
        return expect(http.call("GET", "/v1/orders/" + order, null, http == secured ? terminal(owner) : null), 200)
                .json();
    }

    /** Runs {@code calls} at once: every caller waits at a latch until all are ready, then all are let go. */
    static List<Reply> race(List<Supplier<Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (Supplier<Reply> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            ready.await();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    static Supplier<Reply> unchecked(Callable call) {
        return () -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A call that may throw. */
    interface Callable {
        Reply call() throws Exception;
    }

    @Test
    void twentyTerminalsTakingOverWithoutExpectedVersion_oneWins_nineteenGet409NamingTheOwner() throws Exception {
        // authentication off: any caller may take any order over, so only "no silent steals" stands in the way
        String order = newOrder(trusting);
        List<Supplier<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String app = String.format("app-t-%02d", i);
            racers.add(unchecked(() -> handoff(trusting, order, "mobile", app, null)));
        }
        List<Reply> replies = race(racers);
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 200) {
                winners.add(i);
            }
        }
        assertThat(winners).as(replies.toString()).hasSize(1);
        String winner = String.format("app-t-%02d", winners.get(0));
        JsonNode stored = read(trusting, order, winner);
        assertThat(stored.path("owner").path("terminalId").asText()).isEqualTo(winner);
        assertThat(stored.path("owner").path("platform").asText()).isEqualTo("mobile");
        assertThat(stored.path("handoffs").size()).isEqualTo(1);
        for (int i = 0; i < replies.size(); i++) {
            if (i == winners.get(0)) {
                continue;
            }
            Reply lost = replies.get(i);
            assertThat(lost.status()).as(lost.toString()).isEqualTo(409);
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.json().path("type").asText()).as(lost.toString()).isIn(
                    "urn:baton:problem:unnamed-takeover", "urn:baton:problem:lost-race");
            assertThat(lost.json().path("detail").asText()).as(lost.toString())
                    .contains("platform mobile", "terminal " + Mask.id(winner)).doesNotContain(winner);
        }
    }

    @Test
    void twentyStrangersWithTokensTakingOverWithoutAGrant_allGetTheUnknownOrderAnswer_andNothingChanges()
            throws Exception {
        String order = newOrder(secured);
        JsonNode before = read(secured, order, OWNER);
        List<Supplier<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String app = String.format("app-s-%02d", i);
            String platform = i % 2 == 0 ? "mobile" : "phone";
            racers.add(unchecked(() -> handoff(secured, order, platform, app, null)));
        }
        for (Reply reply : race(racers)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:baton:problem:not-found");
        }
        assertThat(read(secured, order, OWNER).path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void oneGrantPresentedByTenTerminalsAtOnce_exactlyOneWins_andTheUsedGrantIsRefusedAfterwards() throws Exception {
        String order = newOrder(secured);
        String code = grant(order, "mobile");
        List<Supplier<Reply>> presenters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String app = String.format("app-g-%02d", i);
            presenters.add(unchecked(() -> handoff(secured, order, "mobile", app, code)));
        }
        List<Reply> replies = race(presenters);
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 200) {
                winners.add(i);
            }
        }
        assertThat(winners).as(replies.toString()).hasSize(1);
        String winner = String.format("app-g-%02d", winners.get(0));
        for (int i = 0; i < replies.size(); i++) {
            if (i != winners.get(0)) {
                // a loser learns nothing about the order (the grant is spent, the order is not theirs), or, if its
                // write lost, that another takeover won
                Reply lost = replies.get(i);
                assertThat(lost.status()).as(lost.toString()).isIn(404, 409);
                assertThat(lost.contentType()).startsWith("application/problem+json");
                assertThat(lost.body()).doesNotContain(code, winner);
            }
        }
        JsonNode stored = read(secured, order, winner);
        assertThat(stored.path("owner").path("terminalId").asText()).isEqualTo(winner);
        assertThat(stored.path("handoffs").size()).isEqualTo(1);
        assertThat(stored.path("handoffs").get(0).path("grant").asText()).hasSize(12);
        assertThat(stored.toString()).doesNotContain(code);
        long version = stored.path("version").asLong();
        // the used grant: a stranger is told nothing, the former owner that the grant is not live
        Reply again = handoff(secured, order, "mobile", "app-g-late", code);
        assertThat(again.status()).as(again.toString()).isEqualTo(404);
        Reply former = handoff(secured, order, "mobile", OWNER, code);
        assertThat(former.status()).as(former.toString()).isEqualTo(409);
        assertThat(former.json().path("type").asText()).isEqualTo("urn:baton:problem:invalid-grant");
        assertThat(former.body()).doesNotContain(code);
        // and the former owner is told who owns the order now (masked), on every order route
        for (Reply r : List.of(secured.call("GET", "/v1/orders/" + order, null, terminal(OWNER)),
                secured.call("POST", "/v1/orders/" + order + "/nodes/vehicle/complete", "{\"platform\":\"phone\","
                        + "\"terminalId\":\"" + OWNER + "\"}", terminal(OWNER)),
                secured.call("POST", "/v1/orders/" + order + "/sync", "{\"downstream\":\"none\"}",
                        terminal(OWNER)))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("type").asText()).as(r.toString()).isEqualTo("urn:baton:problem:not-owner");
            assertThat(r.json().path("detail").asText()).contains("mobile", Mask.id(winner)).doesNotContain(winner);
        }
        assertThat(read(secured, order, winner).path("version").asLong()).isEqualTo(version);
        // and the document declares the 409 for each of these operations
        JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(secured.call("GET",
                "/v1/openapi.yaml", null, null).body()).path("paths");
        for (String[] op : new String[][] {{"/v1/orders/{id}", "get"}, {"/v1/orders/{id}/nodes/{nodeId}/complete",
                "post"}, {"/v1/orders/{id}/sync", "post"}, {"/v1/orders/{id}/handoffs", "post"}}) {
            assertThat(paths.path(op[0]).path(op[1]).path("responses").has("409"))
                    .as(op[1] + " " + op[0] + " declares the 409 a former owner gets").isTrue();
        }
    }

    @Test
    void everyHandoff_voidsTheOrdersOtherGrants() throws Exception {
        String order = newOrder(secured);
        String forWeb = grant(order, "web");
        String forMobile = grant(order, "mobile");
        // the app takes the order over with its grant: the grant for web, issued before, is void
        expect(handoff(secured, order, "mobile", "app-v-01", forMobile), 200);
        Reply late = handoff(secured, order, "web", "web-v-02", forWeb);
        assertThat(late.status()).as(late.toString()).isEqualTo(404);
        // an owner's own handoff, without a grant, voids the grants it issued before too
        String another = newOrder(secured);
        String pending = grant(another, "mobile");
        expect(handoff(secured, another, "web", OWNER, null), 200);
        Reply stale = handoff(secured, another, "mobile", "app-v-03", pending);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(404);
        assertThat(read(secured, another, OWNER).path("owner").path("platform").asText()).isEqualTo("web");
    }

    @Test
    void aGrantForOnePlatform_presentedForAnother_isRefused_andStaysUsableForItsOwn() throws Exception {
        String order = newOrder(secured);
        String forWeb = grant(order, "web");
        long version = read(secured, order, OWNER).path("version").asLong();
        // presented for mobile (and, by a phone terminal, for phone): refused as if the order did not exist
        for (Reply refused : List.of(handoff(secured, order, "mobile", "app-x-01", forWeb),
                handoff(secured, order, "phone", "agent-x-02", forWeb))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:baton:problem:not-found");
            assertThat(refused.body()).doesNotContain(forWeb);
        }
        assertThat(read(secured, order, OWNER).path("version").asLong()).isEqualTo(version);
        // the refused attempts did not spend it: for web it works, once
        expect(handoff(secured, order, "web", "web-x-03", forWeb), 200);
        assertThat(handoff(secured, order, "web", "web-x-04", forWeb).status()).isEqualTo(404);
        assertThat(read(secured, order, "web-x-03").path("owner").path("platform").asText()).isEqualTo("web");
    }

    @Test
    void aGrantOfOneOrder_doesNotOpenAnother() throws Exception {
        String mine = newOrder(secured);
        String other = newOrder(secured);
        String code = grant(mine, "mobile");
        Reply refused = handoff(secured, other, "mobile", "app-y-01", code);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(read(secured, other, OWNER).path("owner").path("terminalId").asText()).isEqualTo(OWNER);
        expect(handoff(secured, mine, "mobile", "app-y-01", code), 200);
    }
}
