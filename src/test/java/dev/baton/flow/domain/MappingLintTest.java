package dev.baton.flow.domain;

import static dev.baton.flow.domain.Fixtures.flow;
import static dev.baton.flow.domain.Fixtures.links;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MappingLintTest {

    @Test
    void unmappedNodes_areListedInTheirFlowsOrder() {
        // given
        Flow base = flow("phone", "a b c d");
        Flow associated = flow("mobile", "w x y z");

        // when
        Lint lint = MappingLint.of(base, associated, links("c>y; a>y"));

        // then
        assertEquals(List.of("b", "d"), lint.unmappedBase());
        assertEquals(List.of("w", "x", "z"), lint.unmappedAssociated());
    }

    @Test
    void orderPreservingMapping_hasNoCrossings() {
        // given
        Flow base = flow("phone", "a b c");
        Flow associated = flow("mobile", "x y z");

        // when
        Lint lint = MappingLint.of(base, associated, links("a>x,y; b>y; c>z"));

        // then
        assertEquals(List.of(), lint.crossings());
        assertEquals(0, lint.crossingCount());
    }

    @Test
    void invertedEdges_areReportedAsCrossingPairs() {
        // given a swaps with c, b stays in the middle
        Flow base = flow("phone", "a b c");
        Flow associated = flow("mobile", "x y z");

        // when
        Lint lint = MappingLint.of(base, associated, links("c>x; a>z; b>y"));

        // then
        assertEquals(List.of(new Crossing("a", "z", "b", "y"), new Crossing("b", "y", "c", "x"),
                new Crossing("a", "z", "c", "x")), lint.crossings());
        assertEquals(3, lint.crossingCount());
    }

    @Test
    void edgesSharingANode_doNotCross() {
        // given a fans out, and three base nodes meet on z
        Flow base = flow("phone", "a b c");
        Flow associated = flow("mobile", "x y z");

        // when
        Lint lint = MappingLint.of(base, associated, links("a>x,z; b>z; c>z"));

        // then
        assertEquals(List.of(), lint.crossings());
    }

    @Test
    void fanOutOverAnotherEdge_crossesIt() {
        // given
        Flow base = flow("phone", "a b");
        Flow associated = flow("mobile", "x y z");

        // when
        Lint lint = MappingLint.of(base, associated, links("a>x,z; b>y; a>z"));

        // then the repeated edge a>z counts once
        assertEquals(List.of(new Crossing("a", "z", "b", "y")), lint.crossings());
        assertEquals(1, lint.crossingCount());
    }

    @Test
    void manyCrossings_listIsCappedButCountIsExact() {
        // given 20 nodes mapped in reverse order: every pair crosses, 20 * 19 / 2 = 190
        String ids = IntStream.range(0, 20).mapToObj(i -> "n" + i).collect(Collectors.joining(" "));
        String reversed = IntStream.range(0, 20).mapToObj(i -> "n" + i + ">n" + (19 - i))
                .collect(Collectors.joining("; "));

        // when
        Lint lint = MappingLint.of(flow("phone", ids), flow("mobile", ids), links(reversed));

        // then
        assertEquals(190, lint.crossingCount());
        assertEquals(Lint.MAX_CROSSINGS, lint.crossings().size());
        assertEquals(new Crossing("n0", "n19", "n1", "n18"), lint.crossings().get(0));
    }

    @Test
    void coverage_countsMappedNodesAndRoundsPercentToOneDecimal() {
        // given
        Flow base = flow("phone", "a b c");
        Flow associated = flow("mobile", "w x y z");

        // when
        Coverage coverage = MappingLint.of(base, associated, links("a>w; b>w")).coverage();

        // then
        assertEquals(new Coverage(2, 3, 1, 4), coverage);
        assertEquals(66.7, coverage.basePercent());
        assertEquals(25.0, coverage.associatedPercent());
    }

    @Test
    void noLinks_warnsAboutEverythingWithoutFailing() {
        // given
        Flow base = flow("phone", "a b");
        Flow associated = flow("mobile", "x");

        // when
        Lint lint = MappingLint.of(base, associated, List.of());

        // then
        assertEquals(new Lint(List.of("a", "b"), List.of("x"), List.of(), 0, new Coverage(0, 2, 0, 1)), lint);
        assertEquals(0.0, lint.coverage().basePercent());
    }

    @Test
    void fullCoverage_isOneHundredPercent() {
        // given
        Flow base = flow("phone", "a b c");
        Flow associated = flow("mobile", "x y z");

        // when
        Coverage coverage = MappingLint.of(base, associated, links("a>x; b>y; c>z")).coverage();

        // then
        assertEquals(100.0, coverage.basePercent());
        assertEquals(100.0, coverage.associatedPercent());
        assertEquals(33.3, new Coverage(1, 3, 0, 1).basePercent());
    }
}
