package dev.baton.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.events.app.EventStore;
import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.local.ApiEvents;
import dev.baton.local.EventReceiver;
import dev.baton.local.OrderEventStream;
import dev.baton.local.StreamCheckpoint;
import dev.baton.local.WebhookDelivery;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffJwtProfile;
import dev.baton.support.LocalBackendsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code GET /v1/orders/{id}/events} against DynamoDB Local's real stream, as deployed (tokens on, ids per
 * terminal): the local relay stores each event once, however often its record is read; the route answers them
 * oldest first, a page at a time, to whoever may read the order, and a stranger cannot tell the order from an
 * unknown id.
 */
@QuarkusTest
@TestProfile(HandoffJwtProfile.class)
class OrderEventsRouteTest {

    private static final String SECRET = "route-test-secret";
    private static final List<String> TERMINAL = List.of("baton/terminal");
    private static final List<String> OPERATOR = List.of("baton/operator");

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    EventStore store;

    private EventReceiver receiver;
    private String order;

    @BeforeEach
    void anOrderStartedCompletedAndTakenOver() throws Exception {
        receiver = new EventReceiver(0, SECRET, Clock.systemUTC()).quiet();
        String type = new Definitions(flows, mappings).flow("phone", "a", "b").flow("mobile", "x", "y")
                .mapping("phone", "mobile", "a>x").type();
        Reply started = as("agent-1", "POST", "/v1/orders", "", "{\"orderId\":\"ev-" + UUID.randomUUID()
                + "\",\"businessType\":\"" + type + "\",\"platform\":\"phone\",\"terminalId\":\"agent-1\","
                + "\"data\":{\"applicant\":\"Zhang San\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        order = started.json().path("orderId").asText();
        assertThat(as("agent-1", "POST", "/v1/orders/" + order + "/nodes/a/complete", "",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-1\"}").status()).isEqualTo(200);
        Reply grant = as("agent-1", "POST", "/v1/orders/" + order + "/handoff-grants", "",
                "{\"toPlatform\":\"mobile\"}");
        assertThat(as("app-1", "POST", "/v1/orders/" + order + "/handoffs", "", "{\"toPlatform\":\"mobile\","
                + "\"terminalId\":\"app-1\",\"grant\":\"" + grant.json().path("code").asText() + "\"}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void afterTheRelayRuns_theOwnerAndOperatorsReadTheEvents_oldestFirst_eachOnce() throws Exception {
        // when the stream is relayed twice from its start (a crash after delivery, before the checkpoint)
        relayUntilReceived(3);
        relayUntilReceived(6);
        // then each event is stored once, in commit order, as published (ids and states, never data)
        Reply owner = as("app-1", "GET", eventsPath(), "", null);
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        JsonNode events = owner.json().path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("order.started", "order.node-completed",
                "order.handed-off");
        assertThat(events).containsExactlyElementsOf(receiver.received().stream()
                .filter(e -> e.path("orderId").asText().equals(order)).limit(3).toList());
        assertThat(events.get(2).path("state").path("fromTerminal").asText()).isEqualTo("agent-1");
        assertThat(events.get(2).path("state").path("toTerminal").asText()).isEqualTo("app-1");
        assertThat(owner.body()).doesNotContain("Zhang San");
        assertThat(owner.json().path("nextCursor").isNull()).isTrue();
        // and storing a redelivered event again is refused by its key
        assertThat(store.add(dev.baton.events.infra.EventJson.parse(events.get(0).toString()))).isFalse();
        // and an operator reads the same events
        Reply operator = Api.callAs("GET", eventsPath(), null, OPERATOR, Map.of("sub", "op-1"));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().path("events")).isEqualTo(events);
    }

    @Test
    void pages_continueWithTheCursor_untilTheLastOne() throws Exception {
        relayUntilReceived(3);
        Reply first = as("app-1", "GET", eventsPath(), "limit=2", null);
        assertThat(first.json().path("events").findValuesAsText("sequence")).containsExactly("1", "2");
        String cursor = first.json().path("nextCursor").asText();
        Reply second = as("app-1", "GET", eventsPath(), "limit=2&cursor=" + cursor, null);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("events").findValuesAsText("type")).containsExactly("order.handed-off");
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCursorOfAnotherOrder_isA422NamingIt_notAPositionInThisOne() throws Exception {
        // given a cursor of this order's events, read by an operator, who may read every order
        relayUntilReceived(3);
        Reply first = operator(eventsPath(), "limit=1");
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        Reply other = as("agent-2", "POST", "/v1/orders", "", "{\"orderId\":\"ev-" + UUID.randomUUID()
                + "\",\"data\":{\"applicant\":\"Li Si\"}}");
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        // when the operator pages another order's events with it
        Reply foreign = operator("/v1/orders/" + other.json().path("orderId").asText() + "/events",
                "cursor=" + cursor);
        // then it is refused as a cursor this listing never issued, and still continues this order's events
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(422);
        assertThat(foreign.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        assertThat(operator(eventsPath(), "cursor=" + cursor).status()).isEqualTo(200);
    }

    @Test
    void aStranger_getsThe404OfAnUnknownId_aFormerOwnerThe409_andBadParametersA422NamingThem() throws Exception {
        String unknown = "ev-" + UUID.randomUUID();
        Reply stranger = as("intruder-9", "GET", eventsPath(), "", null);
        Reply none = as("intruder-9", "GET", "/v1/orders/" + unknown + "/events", "", null);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(shape(stranger, order)).isEqualTo(shape(none, unknown));
        assertThat(as("agent-1", "GET", eventsPath(), "", null).status()).isEqualTo(409);
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "cursor=bm90LWEta2V5", "cursor=%%%")) {
            Reply bad = as("app-1", "GET", eventsPath(), query, null);
            assertThat(bad.status()).as(query + " → " + bad).isEqualTo(422);
            assertThat(bad.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(bad.json().path("errors").get(0).path("field").asText())
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(as("app-1", "GET", eventsPath(), "since=1", null).status()).isEqualTo(400);
    }

    private String eventsPath() {
        return "/v1/orders/" + order + "/events";
    }

    /** Relays the whole stream (no checkpoint) until the receiver holds {@code count} deliveries of this order. */
    private void relayUntilReceived(int count) throws Exception {
        WebhookDelivery delivery = new WebhookDelivery(List.of(URI.create("http://localhost:" + receiver.port()
                + "/events")), SECRET, Clock.systemUTC(), Duration.ofMillis(20));
        try (OrderEventStream ignored = OrderEventStream.start(LocalBackendsResource.backends(),
                LocalBackendsResource.template().tableName("OrdersTable"),
                LocalBackendsResource.template().tableName("EventsTable"), StreamCheckpoint.in(null), delivery,
                line -> { })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mine() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(mine()).isEqualTo(count);
    }

    private long mine() {
        return receiver.received().stream().filter(e -> e.path("orderId").asText().equals(order)).count();
    }

    private static Reply as(String terminal, String method, String path, String query, String body) {
        ObjectNode event = ApiEvents.event(method, path, query, Map.of("content-type", "application/json"), body,
                "$default", Map.of());
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        jwt.putObject("claims").put("sub", "u").put("terminal_id", terminal);
        TERMINAL.forEach(jwt.putArray("scopes")::add);
        return Api.invoke(event.toString());
    }

    private static Reply operator(String path, String query) {
        ObjectNode event = ApiEvents.event("GET", path, query, Map.of(), null, "$default", Map.of());
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        jwt.putObject("claims").put("sub", "op-1");
        OPERATOR.forEach(jwt.putArray("scopes")::add);
        return Api.invoke(event.toString());
    }

    private static JsonNode shape(Reply reply, String orderId) throws Exception {
        ObjectNode json = (ObjectNode) Api.JSON.readTree(reply.body().replace(orderId, "ID"));
        json.remove("instance");
        return json;
    }
}
