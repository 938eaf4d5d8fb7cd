package dev.baton.flow.domain;

import static dev.baton.flow.domain.Fixtures.flow;
import static dev.baton.flow.domain.Fixtures.links;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.shared.domain.Violation;

class NodeMappingTest {

    private static final Flow PHONE = flow("phone", "a b c d");
    private static final Flow MOBILE = flow("mobile", "w x y z");

    static Stream<Arguments> linkSets() {
        return Stream.of(
                Arguments.of("validOneToManyAndManyToOne_hasNoViolations", "a>w,x; b>x; c>y,z", List.of()),
                Arguments.of("noLinks_hasNoViolations", "", List.of()),
                Arguments.of("unknownBaseNode_isReportedAtFrom", "a>w; q>x", List.of("links[1].from")),
                Arguments.of("associatedNodeUsedAsFrom_isReportedAtFrom", "w>w", List.of("links[0].from")),
                Arguments.of("unknownAssociatedNode_isReportedAtItsPosition", "a>w,q,x", List.of("links[0].to[1]")),
                Arguments.of("baseNodeUsedAsTarget_isReportedAtItsPosition", "a>a", List.of("links[0].to[0]")),
                Arguments.of("duplicatePairAcrossLinks_isReportedAtTheLaterOne", "a>w; b>x; c>y; a>w",
                        List.of("links[3].to[0]")),
                Arguments.of("duplicateTargetInOneLink_isReportedAtTheLaterOne", "a>w,w", List.of("links[0].to[1]")),
                Arguments.of("samePairRepeatedTwice_isReportedEachTime", "a>w; a>x,w; a>w",
                        List.of("links[1].to[1]", "links[2].to[0]")),
                Arguments.of("severalProblems_areReportedInInputOrder", "q>w,q; a>w; a>w",
                        List.of("links[0].from", "links[0].to[1]", "links[2].to[0]")));
    }

    @Test
    void anUnknownNode_isNamedByTheIdTheUserTyped_notOnlyByItsPosition() {
        // when
        List<Violation> violations = NodeMapping.check(PHONE, MOBILE, links("q>w,typo"));

        // then
        assertEquals(List.of(new Violation("links[0].from", "is q, not a node of the phone flow (version 1)"),
                new Violation("links[0].to[1]", "is typo, not a node of the mobile flow (version 1)")), violations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkSets")
    void checksLinks(String scenario, String linkSpec, List<String> expectedFields) {
        // given
        List<Link> links = links(linkSpec);

        // when
        List<Violation> violations = NodeMapping.check(PHONE, MOBILE, links);

        // then
        assertEquals(expectedFields, violations.stream().map(Violation::field).toList());
    }

    @Test
    void flowsOnTheSamePlatform_areReportedAtAssociated() {
        // when
        List<Violation> violations = NodeMapping.check(PHONE, flow("phone", "w x"), links("a>w"));

        // then
        assertEquals(List.of(new Violation("associated", "must differ from base")), violations);
    }

    @Test
    void moreThanAThousandLinks_isReportedOnceAtLinks() {
        // given
        List<Link> links = Collections.nCopies(NodeMapping.MAX_LINKS + 1, new Link("a", List.of("w")));

        // when
        List<Violation> violations = NodeMapping.check(PHONE, MOBILE, links);

        // then
        assertEquals(List.of("links"), violations.stream().map(Violation::field).toList());
        assertEquals(List.of(), NodeMapping.check(PHONE, MOBILE, links.subList(0, 1)));
    }

    @Test
    void linkWithMoreThanTwoHundredTargets_isReportedAtTo() {
        // given
        List<String> targets = IntStream.range(0, NodeMapping.MAX_TARGETS_PER_LINK + 1).mapToObj(i -> "w").toList();

        // when
        List<Violation> violations = NodeMapping.check(PHONE, MOBILE, List.of(new Link("b", List.of("w")),
                new Link("a", targets)));

        // then
        assertEquals(List.of("links[1].to"), violations.stream().map(Violation::field).toList());
    }

    @Test
    void missingLink_isReportedAtItsPosition() {
        // given
        List<Link> links = Arrays.asList(new Link("a", List.of("w")), null);

        // when / then
        assertEquals(List.of("links[1]"), NodeMapping.check(PHONE, MOBILE, links).stream().map(Violation::field)
                .toList());
    }

    @Test
    void constructor_refusesSamePlatformsAndVersionsBelowOne() {
        // given
        List<Link> links = links("a>w");

        // when / then
        assertThrows(IllegalArgumentException.class, () -> mapping("phone", "phone", 1, links));
        assertThrows(IllegalArgumentException.class, () -> mapping("phone", "mobile", 0, links));
        assertThrows(IllegalArgumentException.class, () -> mapping("phone", "Mobile", 1, links));
        assertThrows(IllegalArgumentException.class,
                () -> new NodeMapping("auto-policy", "phone", "mobile", 1, 0, 1, links));
        assertThrows(IllegalArgumentException.class, () -> new Link("a", List.of()));
    }

    @Test
    void directedFromBase_followsTheLinks_andFromAssociated_invertsThem() {
        // given
        NodeMapping mapping = mapping("phone", "mobile", 1, links("a>w,x; b>x"));

        // when
        DirectedLinks forward = mapping.directedFrom("phone");
        DirectedLinks inverse = mapping.directedFrom("mobile");

        // then
        assertEquals(Set.of("w", "x"), forward.targetsOf("a"));
        assertEquals(Set.of("a", "b"), forward.sourcesOf("x"));
        assertEquals(Set.of(), forward.sourcesOf("y"));
        assertEquals(Set.of("a", "b"), inverse.targetsOf("x"));
        assertEquals(Set.of("w", "x"), inverse.sourcesOf("a"));
        assertEquals(Set.of(), inverse.targetsOf("a"));
        assertThrows(IllegalArgumentException.class, () -> mapping.directedFrom("web"));
    }

    @Test
    void connects_inEitherOrientationOnly() {
        // given
        NodeMapping mapping = mapping("phone", "mobile", 1, links("a>w"));

        // when / then
        assertTrue(mapping.connects("phone", "mobile"));
        assertTrue(mapping.connects("mobile", "phone"));
        assertFalse(mapping.connects("phone", "web"));
        assertFalse(mapping.connects("mobile", "mobile"));
    }

    private static NodeMapping mapping(String base, String associated, int version, List<Link> links) {
        return new NodeMapping("auto-policy", base, associated, version, 1, 1, links);
    }
}
