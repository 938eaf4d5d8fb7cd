package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertJson;
import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.function.ApiAssertions.errorFields;
import static dev.baton.function.ApiAssertions.links;
import static dev.baton.function.ApiAssertions.linksJson;
import static dev.baton.function.ApiAssertions.preview;
import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.get;
import static dev.baton.support.Api.post;
import static dev.baton.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The mapping configuration form and the handoff preview through the {@code mapping-config} function: what a
 * configuration screen is offered, and what a handoff would carry over in either direction of one mapping.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingFormAndPreviewTest {

    private final String type = "fp-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bt = "/v1/business-types/" + type;

    private void flow(String platform, String... nodeIds) {
        Reply reply = put(bt + "/flows/" + platform, nodes(nodeIds));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    private void mapping(String base, String associated, String... links) {
        Reply reply = put(bt + "/mappings/" + base + "/" + associated, links(links));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    private JsonNode preview200(String from, String to, String... completed) {
        Reply reply = post(bt + "/handoff-preview", preview(from, to, completed));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String ids(JsonNode nodes) {
        return String.join(",", nodes.findValuesAsText("id"));
    }

    /** The target node of each carried-over entry (not its sources). */
    private static String carried(JsonNode preview) {
        List<String> targets = new ArrayList<>();
        preview.path("carriedOver").forEach(c -> targets.add(c.path("node").asText()));
        return String.join(",", targets);
    }

    // ---- the mapping form ----------------------------------------------------------------------------

    @Test
    void theFormWithoutChoices_listsThePlatformsSorted_andLeavesEverythingElseNull() {
        // given flows published out of alphabetical order
        flow("web", "w");
        flow("mobile", "m");
        flow("phone", "p");
        // when
        Reply reply = get(bt + "/mapping-form");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertJson(reply.json(), "{\"businessType\":\"" + type + "\",\"platforms\":[\"mobile\",\"phone\",\"web\"],"
                + "\"base\":null,\"associated\":null,\"mapping\":null,\"lint\":null,\"configuredReversed\":null}");
    }

    @Test
    void theFormWithABaseOnly_showsThatSide_withEveryPlatformAsChoice() {
        // given phone at flow version 2, nodes in non-alphabetical flow order
        flow("web", "w");
        flow("phone", "q", "b");
        flow("phone", "q", "b", "k");
        // when
        Reply reply = get(bt + "/mapping-form?base=phone");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertJson(reply.json(), "{\"businessType\":\"" + type + "\",\"platforms\":[\"phone\",\"web\"],"
                + "\"base\":{\"platform\":\"phone\",\"choices\":[\"phone\",\"web\"],\"flowVersion\":2,"
                + "\"nodes\":[{\"id\":\"q\",\"name\":\"Step q\"},{\"id\":\"b\",\"name\":\"Step b\"},"
                + "{\"id\":\"k\",\"name\":\"Step k\"}]},"
                + "\"associated\":null,\"mapping\":null,\"lint\":null,\"configuredReversed\":null}");
    }

    @Test
    void theFormWithBothSides_excludesEachOthersSelection_andShowsTheCurrentLinksLintedOnTheLatestFlows() {
        // given a mapping built on phone v1, after which phone v2 added node d
        flow("mobile", "m");
        flow("phone", "c", "a", "b");
        flow("web", "y", "x");
        mapping("phone", "web", "c>y", "a>x");
        flow("phone", "c", "a", "b", "d");
        // when
        JsonNode form = get(bt + "/mapping-form?base=phone&associated=web").json();
        // then
        assertThat(form.path("platforms").toString()).isEqualTo("[\"mobile\",\"phone\",\"web\"]");
        assertThat(form.path("base").path("choices").toString()).isEqualTo("[\"mobile\",\"phone\"]");
        assertThat(form.path("associated").path("choices").toString()).isEqualTo("[\"mobile\",\"web\"]");
        assertThat(ids(form.path("base").path("nodes"))).isEqualTo("c,a,b,d");
        assertThat(ids(form.path("associated").path("nodes"))).isEqualTo("y,x");
        assertThat(form.path("base").path("flowVersion").asInt()).isEqualTo(2);
        assertThat(form.path("associated").path("flowVersion").asInt()).isEqualTo(1);
        JsonNode mapping = form.path("mapping");
        assertThat(mapping.path("version").asInt()).isEqualTo(1);
        assertThat(mapping.path("baseFlowVersion").asInt()).isEqualTo(1);
        assertThat(mapping.path("associatedFlowVersion").asInt()).isEqualTo(1);
        assertThat((Object) mapping.path("links")).isEqualTo(linksJson("c>y", "a>x"));
        assertJson(form.path("lint"), """
                {"unmappedBase": ["b", "d"], "unmappedAssociated": [], "crossings": [], "crossingCount": 0,
                 "coverage": {"baseMapped": 2, "baseTotal": 4, "basePercent": 50.0,
                              "associatedMapped": 2, "associatedTotal": 2, "associatedPercent": 100.0}}""");
    }

    @Test
    void theFormForAPairConfiguredTheOtherWay_hasNoMapping_andLintsNoLinks() {
        // given web → phone is configured, the form asks for phone → web
        flow("phone", "a", "b");
        flow("web", "w");
        mapping("web", "phone", "w>a");
        // when
        JsonNode form = get(bt + "/mapping-form?base=phone&associated=web").json();
        // then
        assertThat(form.has("mapping")).isTrue();
        assertThat(form.path("mapping").isNull()).isTrue();
        assertThat(form.path("lint").path("unmappedBase").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(form.path("lint").path("coverage").path("baseMapped").asInt()).isZero();
    }

    @Test
    void theFormWithAnUnknownPlatform_isA422NamingTheSide() {
        // given
        flow("phone", "a");
        flow("web", "w");
        // when
        Reply unknownBase = get(bt + "/mapping-form?base=fax&associated=web");
        Reply unknownAssociated = get(bt + "/mapping-form?base=phone&associated=fax");
        // then
        assertProblem(unknownBase, 422, "validation-failed");
        assertThat(errorFields(unknownBase)).containsExactly("base");
        assertThat(unknownBase.json().path("errors").get(0).path("message").asText()).contains("fax");
        assertProblem(unknownAssociated, 422, "validation-failed");
        assertThat(errorFields(unknownAssociated)).containsExactly("associated");
    }

    @Test
    void theFormWithTheSamePlatformOnBothSides_isA422() {
        // given
        flow("phone", "a");
        flow("web", "w");
        // when
        Reply reply = get(bt + "/mapping-form?base=phone&associated=phone");
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("associated");
    }

    // ---- the handoff preview -------------------------------------------------------------------------
    // The satisfaction rule itself (1:1, 1:N, N:1, N:M, unmapped and crossing links, both directions) is
    // proved once, on the pure domain, in HandoffResolverTest; these check that the route answers it whole.

    @Test
    void oneToOneLinks_carryOverEachDoneNode_inBothDirections() {
        // given phone a b c ↔ web x y z, one to one
        flow("phone", "a", "b", "c");
        flow("web", "x", "y", "z");
        mapping("phone", "web", "a>x", "b>y", "c>z");
        // when
        JsonNode forward = preview200("phone", "web", "a");
        JsonNode reverse = preview200("web", "phone", "y", "x");
        // then
        assertJson(forward, """
                {"from": "phone", "to": "web", "mappingVersion": 1, "completedOnSource": ["a"],
                 "carriedOver": [{"node": "x", "sources": [{"node": "a"}]}],
                 "pending": [{"id": "y", "name": "Step y"}, {"id": "z", "name": "Step z"}],
                 "next": {"id": "y", "name": "Step y"}, "complete": false}""");
        assertJson(reverse, """
                {"from": "web", "to": "phone", "mappingVersion": 1, "completedOnSource": ["x", "y"],
                 "carriedOver": [{"node": "a", "sources": [{"node": "x"}]}, {"node": "b", "sources": [{"node": "y"}]}],
                 "pending": [{"id": "c", "name": "Step c"}],
                 "next": {"id": "c", "name": "Step c"}, "complete": false}""");
    }

    @Test
    void manyToManyLinks_needEverySourceOfATarget_andAFinishedTargetHasANullNext() {
        // given a, b → x, y (N:M) and c → z
        flow("phone", "a", "b", "c");
        flow("web", "x", "y", "z");
        mapping("phone", "web", "a>x,y", "b>x,y", "c>z");
        // when
        JsonNode onlyA = preview200("phone", "web", "a");
        JsonNode aAndB = preview200("phone", "web", "a", "b");
        Reply all = post(bt + "/handoff-preview", preview("phone", "web", "c", "b", "a"));
        // then
        assertJson(onlyA.path("carriedOver"), "[]");
        assertThat(ids(onlyA.path("pending"))).isEqualTo("x,y,z");
        assertJson(aAndB.path("carriedOver"), """
                [{"node": "x", "sources": [{"node": "a"}, {"node": "b"}]},
                 {"node": "y", "sources": [{"node": "a"}, {"node": "b"}]}]""");
        assertThat(ids(aAndB.path("pending"))).isEqualTo("z");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.body()).contains("\"next\":null");
        assertJson(all.json(), """
                {"from": "phone", "to": "web", "mappingVersion": 1, "completedOnSource": ["a", "b", "c"],
                 "carriedOver": [{"node": "x", "sources": [{"node": "a"}, {"node": "b"}]},
                                 {"node": "y", "sources": [{"node": "a"}, {"node": "b"}]},
                                 {"node": "z", "sources": [{"node": "c"}]}],
                 "pending": [], "next": null, "complete": true}""");
    }

    @Test
    void thePreview_usesTheLatestMappingVersion() {
        // given version 2 links a → y instead of a → x
        flow("phone", "a", "b");
        flow("web", "x", "y");
        mapping("phone", "web", "a>x");
        mapping("phone", "web", "a>y");
        // when
        JsonNode preview = preview200("web", "phone", "y");
        // then
        assertThat(preview.path("mappingVersion").asInt()).isEqualTo(2);
        assertThat(carried(preview)).isEqualTo("a");
        assertThat(ids(preview.path("pending"))).isEqualTo("b");
    }

    @Test
    void aPreviewBetweenPlatformsWithoutAMapping_isA422NamingBothPlatforms() {
        // given both flows but no mapping between them
        flow("agent-desk", "a");
        flow("mobile-app", "m");
        // when
        Reply reply = post(bt + "/handoff-preview", preview("agent-desk", "mobile-app", "a"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("to");
        assertThat(reply.json().path("errors").get(0).path("message").asText())
                .contains("agent-desk", "mobile-app");
    }

    @Test
    void aCompletedNodeThatIsNotInTheSourceFlow_isA422AtItsIndex() {
        // given
        flow("phone", "a", "b");
        flow("web", "x");
        mapping("phone", "web", "a>x");
        // when x is a web node, not a phone node
        Reply reply = post(bt + "/handoff-preview", preview("phone", "web", "a", "nope", "b", "x"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("completed[1]", "completed[3]");
    }

    @Test
    void aPreviewToTheSamePlatform_isA422AtTo() {
        // given
        flow("phone", "a");
        // when
        Reply reply = post(bt + "/handoff-preview", preview("phone", "phone", "a"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("to");
    }
}
