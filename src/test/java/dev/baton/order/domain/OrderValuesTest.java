package dev.baton.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;

/** The order's small values, without Quarkus or DynamoDB: node data, ownership, what remains of a flow. */
class OrderValuesTest {

    private static final Flow PHONE = new Flow("auto-policy", "phone", 1, List.of(new Node("quote", "Quote"),
            new Node("vehicle", "Vehicle"), new Node("driver", "Driver"), new Node("pay", "Pay")));

    @Test
    void pendingNodes_areTheFlowsNodesNotDone_inFlowOrder() {
        assertThat(NodeCompletion.pending(PHONE, Set.of("vehicle", "quote")).stream().map(Node::id))
                .containsExactly("driver", "pay");
        assertThat(NodeCompletion.pending(PHONE, Set.of("quote", "vehicle", "driver", "pay"))).isEmpty();
    }

    @Test
    void dataCarriedFromOneSource_isThatSourcesData() {
        NodeData premium = new NodeData("{\"premium\":3200}");

        assertThat(NodeData.carried(List.of("quote"), List.of(premium))).isEqualTo(premium);
    }

    @Test
    void dataCarriedFromSeveralSources_keepsEachUnderItsNodeId() {
        NodeData carried = NodeData.carried(List.of("vehicle", "driver"),
                List.of(new NodeData("{\"plate\":\"A1\"}"), new NodeData("{\"licence\":\"L1\"}")));

        assertThat(carried.json()).isEqualTo("{\"vehicle\":{\"plate\":\"A1\"},\"driver\":{\"licence\":\"L1\"}}");
    }

    @Test
    void nodeData_isAJsonObject_andNeverShowsItsContent() {
        NodeData data = new NodeData("{\"name\":\"Zhang San\"}");

        assertThat(data.toString()).doesNotContain("Zhang").isEqualTo("NodeData[20 chars]");
        assertThatThrownBy(() -> new NodeData("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeData_limit_countsUtf8Bytes_notCharacters() {
        String chinese = "沪".repeat(NodeData.MAX_INPUT_BYTES / 3);
        NodeData data = new NodeData("{\"p\":\"" + chinese + "\"}");

        assertThat(data.bytes()).isGreaterThan(NodeData.MAX_INPUT_BYTES);
        assertThat(data.withinInputLimit()).isFalse();
        assertThat(NodeData.EMPTY.withinInputLimit()).isTrue();
    }

    @Test
    void theOwner_isOnePlatformAndTerminal() {
        Owner owner = new Owner("phone", "agent-0042", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(owner.is("phone", "agent-0042")).isTrue();
        assertThat(owner.is("mobile", "agent-0042")).isFalse();
        assertThat(owner.is("phone", "agent-0043")).isFalse();
        assertThatThrownBy(() -> new Owner("phone", null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pins_readInOneOrderOnEveryInstance() {
        // a Map.copyOf iterates in an order that changes from one JVM start to the next: an order's JSON did too
        Pins pins = new Pins(java.util.Map.of("phone", 1, "mobile", 2), java.util.Map.of("phone>mobile", 1,
                "mobile>app", 3));

        assertThat(pins.flows().keySet()).containsExactly("mobile", "phone");
        assertThat(pins.mappings().keySet()).containsExactly("mobile>app", "phone>mobile");
        assertThat(pins).isEqualTo(new Pins(java.util.Map.of("mobile", 2, "phone", 1), java.util.Map.of(
                "mobile>app", 3, "phone>mobile", 1)));
    }
}
