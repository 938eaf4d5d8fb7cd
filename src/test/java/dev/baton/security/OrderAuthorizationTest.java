package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.order.domain.OrderIds;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Per-order authorization with {@code baton.auth.mode=jwt}, over the function with the claims API Gateway's
 * authorizer passes on: the owner reads and writes, operators read masked data, a former owner is told who
 * owns the order now, and a stranger cannot tell the order from an unknown id.
 */
@QuarkusTest
@TestProfile(HandoffJwtProfile.class)
class OrderAuthorizationTest {

    static final List<String> TERMINAL = List.of("baton/terminal");
    static final List<String> OPERATOR = List.of("baton/operator");

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;

    /** The key agent-1 starts its order with; the order's id is derived from it (ids per terminal). */
    final String key = "o-" + UUID.randomUUID();
    String order;
    String type;

    static Reply as(String terminal, String method, String path, String body) {
        return Api.callAs(method, path, body, TERMINAL, Map.of("sub", "u", "terminal_id", terminal));
    }

    static Reply complete(String order, String node, String platform, String terminal) {
        return as(terminal, "POST", "/v1/orders/" + order + "/nodes/" + node + "/complete", "{\"platform\":\""
                + platform + "\",\"terminalId\":\"" + terminal + "\",\"data\":{\"idNumber\":\"11010519491231002X\"}}");
    }

    static Reply handoff(String order, String to, String terminal, String grant) {
        return as(terminal, "POST", "/v1/orders/" + order + "/handoffs", "{\"toPlatform\":\"" + to
                + "\",\"terminalId\":\"" + terminal + "\"" + (grant == null ? "" : ",\"grant\":\"" + grant + "\"")
                + "}");
    }

    static Reply grant(String order, String to, String issuer) {
        return as(issuer, "POST", "/v1/orders/" + order + "/handoff-grants", "{\"toPlatform\":\"" + to + "\"}");
    }

    String startBody(String type, String terminal) {
        return "{\"orderId\":\"" + key + "\",\"businessType\":\"" + type + "\",\"platform\":\"phone\","
                + "\"terminalId\":\"" + terminal + "\"}";
    }

    /** A problem answer with the order id and the request id taken out, to compare two 404s. */
    static JsonNode shape(Reply reply, String orderId) throws Exception {
        ObjectNode json = (ObjectNode) Api.JSON.readTree(reply.body().replace(orderId, "ID"));
        json.remove("instance");
        return json;
    }

    @BeforeEach
    void ownedByAgent1() throws Exception {
        type = new Definitions(flows, mappings).flow("phone", "a", "b").flow("mobile", "x", "y").flow("web", "w")
                .mapping("phone", "mobile", "a>x").type();
        Reply started = as("agent-1", "POST", "/v1/orders", startBody(type, "agent-1"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        order = started.json().path("orderId").asText();
        assertThat(order).isEqualTo(OrderIds.scoped("terminal:agent-1", key));
        assertThat(complete(order, "a", "phone", "agent-1").status()).isEqualTo(200);
    }

    @Test
    void aStranger_getsThe404OfAnUnknownId_forEveryRoute() throws Exception {
        String unknown = "o-" + UUID.randomUUID();
        for (String id : List.of(order, unknown)) {
            // when a stranger tries everything on an existing and on an unknown order
            List<Reply> replies = List.of(as("intruder-9", "GET", "/v1/orders/" + id, null),
                    complete(id, "b", "phone", "intruder-9"), handoff(id, "mobile", "intruder-9", null),
                    handoff(id, "phone", "intruder-9", null), grant(id, "mobile", "intruder-9"),
                    handoff(id, "mobile", "intruder-9", "7K3M-Q9PZ-WX2D-HB4T-0R8N"));
            // then every answer is the same 404
            for (Reply reply : replies) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
                assertThat(shape(reply, id)).isEqualTo(shape(replies.get(0), id));
            }
        }
        assertThat(shape(as("intruder-9", "GET", "/v1/orders/" + order, null), order))
                .isEqualTo(shape(as("intruder-9", "GET", "/v1/orders/" + unknown, null), unknown));
        // and nothing changed
        assertThat(as("agent-1", "GET", "/v1/orders/" + order, null).json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void theOwnerReadsEverything_anOperatorReadsMaskedData() {
        JsonNode own = as("agent-1", "GET", "/v1/orders/" + order, null).json();
        assertThat(own.path("progress").path("phone").get(0).path("data").path("idNumber").asText())
                .isEqualTo("11010519491231002X");
        assertThat(own.path("dataMasked").asBoolean()).isFalse();
        Reply operator = Api.callAs("GET", "/v1/orders/" + order, null, OPERATOR, Map.of("sub", "op-1"));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body()).doesNotContain("11010519491231002X");
        assertThat(operator.json().path("progress").path("phone").get(0).path("data").path("idNumber").asText())
                .isEqualTo("***");
        assertThat(operator.json().path("dataMasked").asBoolean()).isTrue();
    }

    @Test
    void aGrant_letsAnotherChannelTakeOver_once_andAFormerOwnerIsToldWhoOwnsItNow() {
        // given the owner issues a grant for mobile
        Reply issued = grant(order, "mobile", "agent-1");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String code = issued.json().path("code").asText();
        // when the app presents it (typed in lower case, without dashes)
        Reply taken = handoff(order, "mobile", "app-1", code.toLowerCase().replace("-", ""));
        // then the app owns the order, the history names the grant, and the code is spent
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        JsonNode stored = as("app-1", "GET", "/v1/orders/" + order, null).json();
        assertThat(stored.path("handoffs").get(0).path("grant").asText())
                .isEqualTo(issued.json().path("grantId").asText());
        assertThat(stored.toString()).doesNotContain(code);
        assertThat(handoff(order, "mobile", "app-2", code).status()).isEqualTo(404);
        // and the former owner gets the 409 naming the new owner, masked
        for (Reply former : List.of(complete(order, "b", "phone", "agent-1"),
                handoff(order, "phone", "agent-1", null), as("agent-1", "GET", "/v1/orders/" + order, null))) {
            assertThat(former.status()).as(former.toString()).isEqualTo(409);
            assertThat(former.json().path("type").asText()).isEqualTo("urn:baton:problem:not-owner");
            assertThat(former.json().path("detail").asText()).contains("mobile", "ap***-1").doesNotContain("app-1");
        }
    }

    @Test
    void aGrantForAnotherPlatform_orAfterItsExpiry_isRefused() {
        String forWeb = grant(order, "web", "agent-1").json().path("code").asText();
        assertThat(handoff(order, "mobile", "app-1", forWeb).status()).isEqualTo(404);
        Reply operatorGrant = Api.callAs("POST", "/v1/orders/" + order + "/handoff-grants",
                "{\"toPlatform\":\"mobile\",\"ttlSeconds\":60}", OPERATOR, Map.of("sub", "op-1"));
        assertThat(operatorGrant.status()).as(operatorGrant.toString()).isEqualTo(201);
        dev.baton.support.TestTime.advance(java.time.Duration.ofSeconds(61));
        try {
            assertThat(handoff(order, "mobile", "app-1", operatorGrant.json().path("code").asText()).status())
                    .isEqualTo(404);
        } finally {
            dev.baton.support.TestTime.reset();
        }
        assertThat(as("agent-1", "GET", "/v1/orders/" + order, null).json().path("owner").path("terminalId")
                .asText()).isEqualTo("agent-1");
    }
    @Test
    void anOperator_cannotPresentAGrantItIssued_underAnyTerminal_butTheCustomersChannelCan() {
        // given an operator whose token also names a terminal (desk-7) issues a grant for mobile
        List<String> both = List.of(TERMINAL.get(0), OPERATOR.get(0));
        Map<String, String> alice = Map.of("sub", "op-alice", "terminal_id", "desk-7");
        Reply issued = Api.callAs("POST", "/v1/orders/" + order + "/handoff-grants", "{\"toPlatform\":\"mobile\"}",
                both, alice);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String code = issued.json().path("code").asText();
        // when the operator presents it itself
        Reply self = Api.callAs("POST", "/v1/orders/" + order + "/handoffs", "{\"toPlatform\":\"mobile\","
                + "\"terminalId\":\"desk-7\",\"grant\":\"" + code + "\"}", both, alice);
        // then it is refused and the order is still agent-1's, with the grant unspent
        assertThat(self.status()).as(self.toString()).isEqualTo(409);
        assertThat(self.json().path("type").asText()).isEqualTo("urn:baton:problem:self-issued-grant");
        assertThat(as("agent-1", "GET", "/v1/orders/" + order, null).json().path("owner").path("terminalId")
                .asText()).isEqualTo("agent-1");
        // and the customer's app presents it: the history names the grant and its issuer, masked
        assertThat(handoff(order, "mobile", "app-1", code).status()).isEqualTo(200);
        JsonNode entry = as("app-1", "GET", "/v1/orders/" + order, null).json().path("handoffs").get(0);
        assertThat(entry.path("grant").asText()).isEqualTo(issued.json().path("grantId").asText());
        assertThat(entry.path("grantIssuedBy").asText()).isEqualTo("operator:op***ce");
    }

    @Test
    void clientChosenIds_areScopedToTheTerminal_soNobodyProbesOrOccupiesAnothersOrder() {
        // when agent-2 starts an order with agent-1's key, and agent-1 repeats its own start
        Reply other = as("agent-2", "POST", "/v1/orders", startBody(type, "agent-2"));
        Reply again = as("agent-1", "POST", "/v1/orders", startBody(type, "agent-1"));
        // then agent-2 got an order of its own (not a 409 that would tell agent-1's exists)
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.json().path("orderId").asText()).isNotEqualTo(order).startsWith(OrderIds.PREFIX);
        // the repeat is recognised, and agent-1's order is untouched and still hidden from agent-2
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("orderId").asText()).isEqualTo(order);
        assertThat(as("agent-1", "GET", "/v1/orders/" + order, null).json().path("progress").path("phone").size())
                .isEqualTo(1);
        assertThat(as("agent-2", "GET", "/v1/orders/" + order, null).status()).isEqualTo(404);
        // and a token naming no terminal starts nothing: the order would belong to nobody
        for (String body : List.of("{\"orderId\":\"" + key + "\"}", "{}")) {
            Reply anonymous = Api.callAs("POST", "/v1/orders", body, TERMINAL, Map.of("sub", "u"));
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(403);
            assertThat(anonymous.json().path("type").asText()).isEqualTo("urn:baton:problem:terminal-missing");
        }
    }

    @Test
    void aGrantForAPlatformWithoutAFlow_isRefused_namingToPlatform() {
        Reply reply = grant(order, "fax", "agent-1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("toPlatform");
    }
}
