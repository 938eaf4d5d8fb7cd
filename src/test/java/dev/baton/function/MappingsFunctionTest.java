package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertJson;
import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.function.ApiAssertions.errorFields;
import static dev.baton.function.ApiAssertions.links;
import static dev.baton.function.ApiAssertions.linksJson;
import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.get;
import static dev.baton.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Publishing and reading node mappings through the {@code mapping-config} function: versions, pinned flow
 * versions, the lint, and every way a publish is refused without writing anything.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingsFunctionTest {

    private final String type = "map-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bt = "/v1/business-types/" + type;
    private final String phoneToWeb = bt + "/mappings/phone/web";

    /** phone: a b c; web: w x y z. */
    private void phoneAndWebFlows() {
        put(bt + "/flows/phone", nodes("a", "b", "c"));
        put(bt + "/flows/web", nodes("w", "x", "y", "z"));
    }

    @Test
    void publishingAMapping_createsVersionOne_pinnedToTheLatestFlowVersions() {
        // given phone at flow version 2 and web at flow version 1
        put(bt + "/flows/phone", nodes("a", "b"));
        put(bt + "/flows/phone", nodes("a", "b", "c"));
        put(bt + "/flows/web", nodes("w", "x", "y", "z"));
        // when
        Reply reply = put(phoneToWeb, links("a>w", "b>x,y", "c>z"));
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonNode mapping = reply.json();
        assertThat(mapping.path("businessType").asText()).isEqualTo(type);
        assertThat(mapping.path("base").asText()).isEqualTo("phone");
        assertThat(mapping.path("associated").asText()).isEqualTo("web");
        assertThat(mapping.path("version").asInt()).isEqualTo(1);
        assertThat(mapping.path("baseFlowVersion").asInt()).isEqualTo(2);
        assertThat(mapping.path("associatedFlowVersion").asInt()).isEqualTo(1);
        assertThat(mapping.path("created").isBoolean()).isTrue();
        assertThat(mapping.path("created").booleanValue()).isTrue();
        assertThat((Object) mapping.path("links")).isEqualTo(linksJson("a>w", "b>x,y", "c>z"));
        assertThat(Instant.parse(mapping.path("createdAt").asText())).isNotNull();
    }

    @Test
    void republishingTheSameLinks_isANoOp_andChangedLinksAreVersionTwo() {
        // given
        phoneAndWebFlows();
        put(phoneToWeb, links("a>w", "b>x,y"));
        // when the same edges arrive in another order, then changed edges
        Reply same = put(phoneToWeb, links("b>y,x", "a>w"));
        Reply changed = put(phoneToWeb, links("a>w", "b>x", "c>y"));
        // then
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().path("version").asInt()).isEqualTo(1);
        assertThat(same.json().path("created").booleanValue()).isFalse();
        assertThat((Object) same.json().path("links")).isEqualTo(linksJson("a>w", "b>x,y"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(changed.json().path("created").booleanValue()).isTrue();
    }

    @Test
    void readingAMapping_givesTheLatestVersion_orTheVersionAskedFor() {
        // given two versions
        phoneAndWebFlows();
        put(phoneToWeb, links("a>w", "b>x,y"));
        put(phoneToWeb, links("a>w", "b>x", "c>y"));
        // when
        Reply latest = get(phoneToWeb);
        Reply first = get(phoneToWeb + "?version=1");
        Reply third = get(phoneToWeb + "?version=3");
        // then
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat((Object) latest.json().path("links")).isEqualTo(linksJson("a>w", "b>x", "c>y"));
        assertThat(latest.json().has("created")).as("created is only in publish answers").isFalse();
        assertThat(latest.json().path("lint").path("unmappedAssociated").toString()).isEqualTo("[\"z\"]");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat((Object) first.json().path("links")).isEqualTo(linksJson("a>w", "b>x,y"));
        assertThat(first.json().path("lint").path("unmappedBase").toString()).isEqualTo("[\"c\"]");
        assertProblem(third, 404, "not-found");
    }

    @Test
    void republishingTheSameLinksAfterAFlowChanged_isANewVersionPinnedToTheNewFlow() {
        // given version 1 built on web flow version 1
        phoneAndWebFlows();
        put(phoneToWeb, links("a>w", "b>x"));
        put(bt + "/flows/web", nodes("w", "x", "y", "z", "v"));
        // when
        Reply again = put(phoneToWeb, links("a>w", "b>x"));
        // then
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("version").asInt()).isEqualTo(2);
        assertThat(again.json().path("associatedFlowVersion").asInt()).isEqualTo(2);
        assertThat(again.json().path("lint").path("unmappedAssociated").toString())
                .isEqualTo("[\"y\",\"z\",\"v\"]");
        JsonNode first = get(phoneToWeb + "?version=1").json();
        assertThat(first.path("associatedFlowVersion").asInt()).isEqualTo(1);
        assertThat(first.path("lint").path("unmappedAssociated").toString()).isEqualTo("[\"y\",\"z\"]");
    }

    @Test
    void theLint_reportsUnmappedNodes_theCrossingPair_andCoverage_exactly() {
        // given phone a b c and web w x y z; c and z are in no link; a→x, b→w cross
        phoneAndWebFlows();
        // when
        Reply reply = put(phoneToWeb, links("a>x", "b>w,y"));
        // then
        String expected = """
                {"unmappedBase": ["c"], "unmappedAssociated": ["z"],
                 "crossings": [{"fromA": "a", "toA": "x", "fromB": "b", "toB": "w"}], "crossingCount": 1,
                 "coverage": {"baseMapped": 2, "baseTotal": 3, "basePercent": 66.7,
                              "associatedMapped": 3, "associatedTotal": 4, "associatedPercent": 75.0}}""";
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertJson(reply.json().path("lint"), expected);
        assertJson(get(phoneToWeb).json().path("lint"), expected);
    }

    @Test
    void zeroLinks_areAccepted_andLintedAsNothingCovered() {
        // given
        phoneAndWebFlows();
        // when
        Reply reply = put(phoneToWeb, "{\"links\":[]}");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertJson(reply.json().path("lint"), """
                {"unmappedBase": ["a", "b", "c"], "unmappedAssociated": ["w", "x", "y", "z"],
                 "crossings": [], "crossingCount": 0,
                 "coverage": {"baseMapped": 0, "baseTotal": 3, "basePercent": 0.0,
                              "associatedMapped": 0, "associatedTotal": 4, "associatedPercent": 0.0}}""");
    }

    @ParameterizedTest(name = "{0} links are published as given")
    @CsvSource(delimiter = '|', textBlock = """
            1:N | a>w,x,y          | 1 | 3
            N:1 | a>w;b>w;c>w      | 3 | 1
            N:M | a>w,x;b>w,x;c>y  | 3 | 3
            """)
    void oneToMany_manyToOne_andManyToMany_areAccepted(String shape, String linkList, int baseMapped,
                                                        int associatedMapped) {
        // given
        phoneAndWebFlows();
        String[] given = linkList.split(";");
        // when
        Reply reply = put(phoneToWeb, links(given));
        // then
        assertThat(reply.status()).as(shape + ": " + reply).isEqualTo(201);
        assertThat((Object) reply.json().path("links")).isEqualTo(linksJson(given));
        assertThat(reply.json().path("lint").path("coverage").path("baseMapped").asInt()).isEqualTo(baseMapped);
        assertThat(reply.json().path("lint").path("coverage").path("associatedMapped").asInt())
                .isEqualTo(associatedMapped);
        assertThat((Object) get(phoneToWeb).json().path("links")).isEqualTo(linksJson(given));
    }

    @Test
    void anUnknownFromNode_isA422AtLinksFrom_andNothingIsWritten() {
        // given
        phoneAndWebFlows();
        // when
        Reply reply = put(phoneToWeb, links("nope>w", "a>x"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("links[0].from");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).as("names the id typed")
                .isEqualTo("is nope, not a node of the phone flow (version 1)");
        assertThat(get(phoneToWeb).status()).isEqualTo(404);
    }

    @Test
    void anUnknownTargetNode_isA422AtLinksTo_andTheMappingStaysUnchanged() {
        // given version 1
        phoneAndWebFlows();
        put(phoneToWeb, links("a>w"));
        // when
        Reply reply = put(phoneToWeb, links("a>w", "b>ghost,x"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("links[1].to[0]");
        JsonNode current = get(phoneToWeb).json();
        assertThat(current.path("version").asInt()).isEqualTo(1);
        assertThat((Object) current.path("links")).isEqualTo(linksJson("a>w"));
    }

    @Test
    void aDuplicatePair_isA422AtTheLaterPosition_andNothingIsWritten() {
        // given
        phoneAndWebFlows();
        // when the pair a→w appears twice across links, and b→x twice in one link
        Reply reply = put(phoneToWeb, links("a>w", "b>x,x", "a>y,w"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("links[1].to[1]", "links[2].to[1]");
        assertThat(get(phoneToWeb).status()).isEqualTo(404);
    }

    @Test
    void theSamePlatformAsBaseAndAssociated_isA422AtAssociated_andNothingIsWritten() {
        // given
        phoneAndWebFlows();
        // when
        Reply reply = put(bt + "/mappings/phone/phone", links("a>b"));
        // then
        assertProblem(reply, 422, "validation-failed");
        assertThat(errorFields(reply)).containsExactly("associated");
        assertThat(get(bt + "/mappings/phone/phone").status()).isEqualTo(404);
    }

    @Test
    void aPlatformWithoutAFlow_isA422NamingItsSide_andNothingIsWritten() {
        // given kiosk has no flow
        phoneAndWebFlows();
        // when
        Reply asBase = put(bt + "/mappings/kiosk/web", links("k>w"));
        Reply asAssociated = put(bt + "/mappings/phone/kiosk", links("a>k"));
        // then
        assertProblem(asBase, 422, "validation-failed");
        assertThat(errorFields(asBase)).containsExactly("base");
        assertProblem(asAssociated, 422, "validation-failed");
        assertThat(errorFields(asAssociated)).containsExactly("associated");
        assertThat(get(bt + "/mappings/kiosk/web").status()).isEqualTo(404);
        assertThat(get(bt + "/mappings/phone/kiosk").status()).isEqualTo(404);
    }

    @Test
    void theReverseOrientationOfAConfiguredMapping_isA409_andNothingIsWritten() {
        // given phone → web is configured
        phoneAndWebFlows();
        put(phoneToWeb, links("a>w"));
        // when
        Reply reply = put(bt + "/mappings/web/phone", links("w>a", "x>b"));
        // then
        assertProblem(reply, 409, "mapping-orientation");
        assertThat(reply.json().path("detail").asText()).contains("phone", "web");
        assertProblem(get(bt + "/mappings/web/phone"), 404, "not-found");
        JsonNode current = get(phoneToWeb).json();
        assertThat(current.path("version").asInt()).isEqualTo(1);
        assertThat((Object) current.path("links")).isEqualTo(linksJson("a>w"));
    }
}
