package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.OrderSyncJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The {@code order-sync} function with {@code baton.auth.mode=jwt}: only the terminal owning an order (for a
 * plain order, the one that started it) syncs it; anyone else cannot tell it from an unknown id; listing and
 * redrive stay with operators.
 */
@QuarkusTest
@TestProfile(OrderSyncJwtProfile.class)
class SyncAuthorizationTest {

    @Inject
    OrderService orders;

    private static Reply sync(String order, String terminal) {
        return Api.callAs("POST", "/v1/orders/" + order + "/sync", "{\"downstream\":\"no-such-insurer\","
                + "\"payload\":{\"premium\":0}}", List.of("baton/terminal"), Map.of("terminal_id", terminal));
    }

    @Test
    void onlyTheStartingTerminal_syncsAPlainOrder_othersGetTheUnknownId404() throws Exception {
        // given a plain order started by agent-1's token
        String order = "p-" + UUID.randomUUID();
        String unknown = "p-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(order), Optional.empty(), Optional.empty(),
                Optional.empty(), NodeData.EMPTY, "fp-" + order), Caller.verified("agent-1", false));
        // when
        Reply owner = sync(order, "agent-1");
        Reply intruder = sync(order, "intruder-9");
        Reply nobody = sync(unknown, "intruder-9");
        // then the owner passes the ownership check (and meets the unknown downstream), the intruder does not
        assertThat(owner.status()).as(owner.toString()).isEqualTo(422);
        assertThat(intruder.status()).as(intruder.toString()).isEqualTo(404);
        assertThat(OrderAuthorizationTest.shape(intruder, order))
                .isEqualTo(OrderAuthorizationTest.shape(nobody, unknown));
    }

    @Test
    void redriveAndListing_needTheOperatorScope() {
        Reply redrive = Api.callAs("POST", "/v1/orders/p-x/redrive", null, List.of("baton/terminal"),
                Map.of("terminal_id", "agent-1"));
        Reply list = Api.callAs("GET", "/v1/orders", null, List.of("baton/terminal"),
                Map.of("terminal_id", "agent-1"));
        assertThat(redrive.status()).isEqualTo(403);
        assertThat(list.status()).isEqualTo(403);
    }
}
