package dev.baton.flow.domain;

import static dev.baton.flow.domain.Fixtures.flow;
import static dev.baton.flow.domain.Fixtures.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.shared.domain.Violation;

class FlowTest {

    static Stream<Arguments> nodeLists() {
        return Stream.of(
                Arguments.of("noNodes_isRefused", List.of(), List.of("nodes")),
                Arguments.of("oneNode_isAccepted", numbered(1), List.of()),
                Arguments.of("twoHundredNodes_isAccepted", numbered(200), List.of()),
                Arguments.of("twoHundredAndOneNodes_isRefused", numbered(201), List.of("nodes")),
                Arguments.of("duplicateId_isReportedAtTheLaterNode", nodes("a b a c"), List.of("nodes[2].id")),
                Arguments.of("everyRepeat_isReported", nodes("a a b a b"),
                        List.of("nodes[1].id", "nodes[3].id", "nodes[4].id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeLists")
    void checksNodes(String scenario, List<Node> nodes, List<String> expectedFields) {
        // given nodes

        // when
        List<Violation> violations = Flow.check(nodes);

        // then
        assertEquals(expectedFields, violations.stream().map(Violation::field).toList());
    }

    @Test
    void constructor_refusesWhatCheckReports_andBadIdentity() {
        // given
        List<Node> ok = nodes("a b");

        // when / then
        assertThrows(IllegalArgumentException.class, () -> new Flow("auto-policy", "web", 1, nodes("a a")));
        assertThrows(IllegalArgumentException.class, () -> new Flow("auto-policy", "web", 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Flow("Auto", "web", 1, ok));
        assertThrows(IllegalArgumentException.class, () -> new Flow("auto-policy", "-web", 1, ok));
        assertThrows(IllegalArgumentException.class, () -> new Flow("auto-policy", "web", 0, ok));
    }

    @Test
    void nodes_areAnImmutableCopyEqualToTheInput() {
        // given
        List<Node> input = new ArrayList<>(nodes("a b"));

        // when
        Flow flow = new Flow("auto-policy", "web", 1, input);
        input.add(new Node("c", "Step c"));

        // then
        assertEquals(nodes("a b"), flow.nodes());
        assertEquals(flow, new Flow("auto-policy", "web", 1, List.copyOf(nodes("a b"))));
        assertThrows(UnsupportedOperationException.class, () -> flow.nodes().add(new Node("d", "Step d")));
    }

    @Test
    void lookups_findNodesByIdAndPosition() {
        // given
        Flow flow = flow("web", "quote vehicle driver pay");

        // when / then
        assertEquals(0, flow.indexOf("quote"));
        assertEquals(3, flow.indexOf("pay"));
        assertEquals(-1, flow.indexOf("missing"));
        assertEquals(-1, flow.indexOf(null));
        assertTrue(flow.contains("driver"));
        assertFalse(flow.contains("Driver"));
        assertEquals(List.of("quote", "vehicle", "driver", "pay"), flow.nodeIds());
        assertEquals(Optional.of(new Node("vehicle", "Step vehicle")), flow.node("vehicle"));
        assertEquals(Optional.empty(), flow.node("missing"));
    }

    @Test
    void hasSameNodesAs_requiresSameIdsNamesAndOrder() {
        // given
        Flow flow = flow("web", "a b c");

        // when / then
        assertTrue(flow.hasSameNodesAs(nodes("a b c")));
        assertFalse(flow.hasSameNodesAs(nodes("a c b")));
        assertFalse(flow.hasSameNodesAs(nodes("a b")));
        assertFalse(flow.hasSameNodesAs(List.of(new Node("a", "Step a"), new Node("b", "Step b"),
                new Node("c", "Renamed"))));
        assertFalse(flow.hasSameNodesAs(null));
    }

    @Test
    void nextVersion_keepsIdentityAndIncrementsVersion() {
        // given
        Flow flow = flow("web", "a b");

        // when
        Flow next = flow.nextVersion(nodes("a b c"));

        // then
        assertEquals(new Flow("auto-policy", "web", 2, nodes("a b c")), next);
        assertEquals(2, next.indexOf("c"));
    }

    @Test
    void node_refusesBadIdsAndNames() {
        // given
        String longName = "n".repeat(Node.MAX_NAME_LENGTH + 1);

        // when / then
        assertEquals("Step a", new Node("a", "Step a").name());
        assertEquals(200, new Node("a", "n".repeat(200)).name().length());
        assertThrows(IllegalArgumentException.class, () -> new Node("a b", "name"));
        assertThrows(IllegalArgumentException.class, () -> new Node("x".repeat(65), "name"));
        assertThrows(IllegalArgumentException.class, () -> new Node("a", " "));
        assertThrows(IllegalArgumentException.class, () -> new Node("a", null));
        var refused = assertThrows(IllegalArgumentException.class, () -> new Node("a", longName));
        assertFalse(refused.getMessage().contains(longName));
    }

    private static List<Node> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Node("n" + i, "Step " + i)).toList();
    }
}
