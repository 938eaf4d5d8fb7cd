package dev.baton.flow.domain;

import static dev.baton.flow.domain.Fixtures.carried;
import static dev.baton.flow.domain.Fixtures.flow;
import static dev.baton.flow.domain.Fixtures.links;
import static dev.baton.flow.domain.Fixtures.set;
import static dev.baton.flow.domain.Fixtures.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.flow.domain.DirectedLinks.Edge;

class HandoffResolverTest {

    private static final String BASE = "phone";
    private static final String ASSOCIATED = "mobile";

    /**
     * Mapping phone (base) → mobile (associated). Columns: scenario, base nodes, associated nodes, links,
     * handoff source platform, completed on source, completed on target, expected carried over, expected pending.
     */
    static Stream<Arguments> handoffs() {
        return Stream.of(
                row("oneToOne_carriesEachDoneNode", "a b c", "x y z", "a>x; b>y; c>z", BASE,
                        "a b", "", "x<a; y<b", "z"),
                row("oneToMany_oneSourceSatisfiesAllItsTargets", "a b", "x y z", "a>x,y; b>z", BASE,
                        "a", "", "x<a; y<a", "z"),
                row("manyToOne_isPendingWhileOneSourceIsMissing", "a b c", "x y", "a>x; b>x; c>y", BASE,
                        "a", "", "", "x y"),
                row("manyToOne_isSatisfiedOnlyWhenAllSourcesAreDone_listedInSourceOrder", "a b c", "x y",
                        "b>x; a>x; c>y", BASE, "a b", "", "x<a,b", "y"),
                row("manyToMany_satisfiesOnlyTargetsWhoseSourcesAreAllDone", "a b c", "x y z", "a>x,y; b>y,z",
                        BASE, "a", "", "x<a", "y z"),
                row("manyToMany_allSourcesDone_carriesEveryTarget", "a b c", "x y z", "a>x,y; b>y,z", BASE,
                        "a b", "", "x<a; y<a,b; z<b", ""),
                row("unmappedTargetNode_isAlwaysPending", "a b", "x extra y", "a>x; b>y", BASE,
                        "a b", "", "x<a; y<b", "extra"),
                row("crossingLinks_keepTheTargetOrder", "a b c", "x y z", "a>z; b>y; c>x", BASE,
                        "a", "", "z<a", "x y"),
                row("roundTrip_nodeCompletedOnTargetStaysCompletedAndIsNotCarried", "a b c", "x y z",
                        "a>x; b>y; c>z", BASE, "a b", "y", "x<a", "z"),
                row("roundTrip_completedOnTargetWithoutSourceProgress_staysCompleted", "a b c", "x y z",
                        "a>x; b>y; c>z", BASE, "", "x y", "", "z"),
                row("reverseDirection_usesInverseLinks_oneToManyBecomesManyToOne", "a b c", "x y z",
                        "a>x,y; b>z; c>z", ASSOCIATED, "x", "", "", "a b c"),
                row("reverseDirection_allInverseSourcesDone_carriesOver", "a b c", "x y z",
                        "a>x,y; b>z; c>z", ASSOCIATED, "x y", "", "a<x,y", "b c"),
                row("reverseDirection_oneSourceSatisfiesEveryInverseTarget", "a b c", "x y z",
                        "a>x,y; b>z; c>z", ASSOCIATED, "z", "", "b<z; c<z", "a"),
                row("emptyCompletedSet_carriesNothing", "a b c", "x y z", "a>x; b>y; c>z", BASE,
                        "", "", "", "x y z"),
                row("everythingDone_leavesNothingPending", "a b", "x y", "a>x; b>y", BASE,
                        "a b", "", "x<a; y<b", ""),
                row("unknownCompletedIds_areIgnored", "a b", "x y", "a>x; b>y", BASE,
                        "ghost b", "phantom", "y<b", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs")
    void resolvesHandoff(String scenario, String baseNodes, String associatedNodes, String linkSpec, String from,
                         String completedOnSource, String completedOnTarget, String expectedCarried,
                         String expectedPending) {
        // given
        Flow base = flow(BASE, baseNodes);
        Flow associated = flow(ASSOCIATED, associatedNodes);
        NodeMapping mapping = new NodeMapping("auto-policy", BASE, ASSOCIATED, 1, 1, 1, links(linkSpec));
        Flow source = from.equals(BASE) ? base : associated;
        Flow target = from.equals(BASE) ? associated : base;

        // when
        Resolution resolution = HandoffResolver.resolve(source, target, mapping.directedFrom(from),
                set(completedOnSource), set(completedOnTarget));

        // then
        assertEquals(carried(expectedCarried), resolution.carriedOver());
        assertEquals(words(expectedPending), resolution.pending().stream().map(Node::id).toList());
        assertEquals(words(expectedPending).stream().findFirst(), resolution.next().map(Node::id));
        assertEquals(expectedPending.isBlank(), resolution.complete());
    }

    @Test
    void completeFlow_hasNoNextNode() {
        // given
        Flow source = flow(BASE, "a b");
        Flow target = flow(ASSOCIATED, "x y");
        DirectedLinks links = DirectedLinks.of(List.of(new Edge("a", "x"), new Edge("b", "y")));

        // when
        Resolution resolution = HandoffResolver.resolve(source, target, links, Set.of("a"), Set.of("y"));

        // then
        assertTrue(resolution.complete());
        assertEquals(Optional.empty(), resolution.next());
        assertEquals(carried("x<a"), resolution.carriedOver());
    }

    @Test
    void pendingFlow_nextIsTheFirstPendingNodeOfTheTarget() {
        // given
        Flow source = flow(BASE, "a b");
        Flow target = flow(ASSOCIATED, "x y z");
        DirectedLinks links = DirectedLinks.of(List.of(new Edge("a", "y")));

        // when
        Resolution resolution = HandoffResolver.resolve(source, target, links, Set.of("a"), Set.of());

        // then
        assertFalse(resolution.complete());
        assertEquals(Optional.of(new Node("x", "Step x")), resolution.next());
    }

    @Test
    void linkFromNodeMissingInSourceFlow_neverSatisfiesItsTarget() {
        // given a mapping edge from a node the source flow version does not have
        Flow source = flow(BASE, "a b");
        Flow target = flow(ASSOCIATED, "x y");
        DirectedLinks links = DirectedLinks.of(List.of(new Edge("a", "x"), new Edge("retired", "x"),
                new Edge("b", "y")));

        // when even the unknown id is reported as completed
        Resolution resolution = HandoffResolver.resolve(source, target, links, Set.of("a", "b", "retired"),
                Set.of());

        // then
        assertEquals(carried("y<b"), resolution.carriedOver());
        assertEquals(List.of("x"), resolution.pending().stream().map(Node::id).toList());
    }

    private static Arguments row(String scenario, String baseNodes, String associatedNodes, String links,
                                 String from, String completedOnSource, String completedOnTarget,
                                 String expectedCarried, String expectedPending) {
        return Arguments.of(scenario, baseNodes, associatedNodes, links, from, completedOnSource, completedOnTarget,
                expectedCarried, expectedPending);
    }
}
