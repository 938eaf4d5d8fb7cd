package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
 * Defence in depth with {@code baton.auth.mode=jwt}: the function checks the scopes API Gateway's
 * authorizer verified, and a terminal may only act as the terminal its token names.
 */
@QuarkusTest
@TestProfile(HandoffJwtProfile.class)
class AccessTest {

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;

    private final String order = "o-" + UUID.randomUUID();

    private static Map<String, String> terminal(String id) {
        return Map.of("sub", "user-1", "terminal_id", id);
    }

    private String start(String type, String terminal) {
        return "{\"orderId\":\"" + order + "\",\"businessType\":\"" + type + "\",\"platform\":\"phone\","
                + "\"terminalId\":\"" + terminal + "\"}";
    }

    @Test
    void withoutAToken_isA401_andWithTheWrongScope_aA403_andNothingIsWritten() {
        String type = new Definitions(flows, mappings).flow("phone", "a").type();
        Reply anonymous = Api.post("/v1/orders", start(type, "agent-1"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        Reply admin = Api.callAs("POST", "/v1/orders", start(type, "agent-1"), List.of("baton/admin"),
                terminal("agent-1"));
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().path("detail").asText()).contains("baton/terminal");
        assertThat(Api.callAs("GET", "/v1/orders/" + OrderIds.scoped("terminal:agent-1", order), null,
                List.of("baton/operator"), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aTerminalCanOnlyActAsItself() {
        // given an order started by agent-1 with its own token
        String type = new Definitions(flows, mappings).flow("phone", "a", "b").flow("mobile", "x")
                .mapping("phone", "mobile", "a>x").type();
        Reply started = Api.callAs("POST", "/v1/orders", start(type, "agent-1"), List.of("baton/terminal"),
                terminal("agent-1"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String order = started.json().path("orderId").asText();
        // when agent-2's token claims to be agent-1
        Reply impostor = Api.callAs("POST", "/v1/orders/" + order + "/nodes/a/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-1\"}", List.of("baton/terminal"), terminal("agent-2"));
        Reply takeover = Api.callAs("POST", "/v1/orders/" + order + "/handoffs",
                "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-9\"}", List.of("baton/terminal"), terminal("app-1"));
        // then
        assertThat(impostor.status()).isEqualTo(403);
        assertThat(impostor.json().path("type").asText()).isEqualTo("urn:baton:problem:terminal-mismatch");
        assertThat(impostor.body()).doesNotContain("agent-1");
        assertThat(takeover.status()).isEqualTo(403);
        Reply own = Api.callAs("POST", "/v1/orders/" + order + "/nodes/a/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-1\"}", List.of("baton/terminal"), terminal("agent-1"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(Api.callAs("GET", "/v1/orders/" + order, null, List.of("baton/operator"), Map.of()).json()
                .path("owner").path("terminalId").asText()).isEqualTo("agent-1");
    }
}
