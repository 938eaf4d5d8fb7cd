package dev.baton.flow.domain;

import static dev.baton.flow.domain.Fixtures.flow;
import static dev.baton.flow.domain.Fixtures.links;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HandoffMatrixTest {

    @Test
    void hasOneRowPerPointReached_withWhereTheTargetResumes() {
        // given phone a b c d, mobile x y z; a+b → x (N:1), c → y, d unmapped, z unmapped
        Flow phone = flow("phone", "a b c d");
        Flow mobile = flow("mobile", "x y z");
        // when
        HandoffMatrix matrix = HandoffMatrix.of(phone, mobile, NodeMapping.directed(links("a>x; b>x; c>y"), true));
        // then
        assertThat(matrix.rows()).extracting(HandoffMatrix.Row::completed).containsExactly(0, 1, 2, 3, 4);
        assertThat(matrix.rows()).extracting(HandoffMatrix.Row::reached).containsExactly(Optional.empty(),
                Optional.of("a"), Optional.of("b"), Optional.of("c"), Optional.of("d"));
        assertThat(matrix.rows()).extracting(r -> r.resolution().next().map(Node::id).orElse(null))
                .containsExactly("x", "x", "y", "z", "z");
        assertThat(matrix.rows()).extracting(r -> carried(r.resolution()))
                .containsExactly(List.of(), List.of(), List.of("x"), List.of("x", "y"), List.of("x", "y"));
    }

    @Test
    void reverseOrientation_usesTheInverseLinks() {
        // given the same mapping read from the associated side: x → a, b (1:N); y → c
        Flow phone = flow("phone", "a b c d");
        Flow mobile = flow("mobile", "x y z");
        // when
        HandoffMatrix matrix = HandoffMatrix.of(mobile, phone, NodeMapping.directed(links("a>x; b>x; c>y"), false));
        // then
        assertThat(matrix.rows()).extracting(r -> carried(r.resolution()))
                .containsExactly(List.of(), List.of("a", "b"), List.of("a", "b", "c"), List.of("a", "b", "c"));
        assertThat(matrix.rows().get(3).resolution().next().map(Node::id)).contains("d");
    }

    @Test
    void aFullyMappedFlowDoneToTheEnd_completesTheTarget() {
        // given
        Flow phone = flow("phone", "a b");
        Flow mobile = flow("mobile", "x");
        // when
        HandoffMatrix matrix = HandoffMatrix.of(phone, mobile, NodeMapping.directed(links("a>x"), true));
        // then
        assertThat(matrix.rows().get(0).resolution().complete()).isFalse();
        assertThat(matrix.rows().get(1).resolution().complete()).isTrue();
        assertThat(matrix.rows().get(2).resolution().complete()).isTrue();
    }

    private static List<String> carried(Resolution resolution) {
        return resolution.carriedOver().stream().map(CarriedOver::targetNode).toList();
    }
}
