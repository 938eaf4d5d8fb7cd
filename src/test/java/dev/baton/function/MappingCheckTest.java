package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertJson;
import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.function.ApiAssertions.errorFields;
import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.get;
import static dev.baton.support.Api.post;
import static dev.baton.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Checking a mapping before publishing it (lint and the handoff matrix in both directions, nothing written),
 * and the form naming a mapping configured the other way round: what the console's mapping editor stands on.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingCheckTest {

    private final String type = "mc-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bt = "/v1/business-types/" + type;

    private void flow(String platform, String... nodeIds) {
        Reply reply = put(bt + "/flows/" + platform, nodes(nodeIds));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    private static String check(String base, String associated, String links) {
        return "{\"base\":\"" + base + "\",\"associated\":\"" + associated + "\"," + links.substring(1);
    }

    @Test
    void aCheck_answersLintAndBothMatrices_andWritesNothing() {
        // given phone a b c, web x y; a+b → x (N:1), c → y
        flow("phone", "a", "b", "c");
        flow("web", "x", "y");
        // when
        Reply reply = post(bt + "/mapping-check", check("phone", "web", ApiAssertions.links("a>x", "b>x", "c>y")));
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("base").path("version").asInt()).isEqualTo(1);
        assertThat(body.path("lint").path("coverage").path("basePercent").asDouble()).isEqualTo(100.0);
        assertJson(body.path("forward"), """
                {"from":"phone","to":"web","rows":[
                 {"completed":0,"reached":null,"newlyCarriedOver":[],
                  "carriedOverCount":0,"next":"x","complete":false},
                 {"completed":1,"reached":"a","newlyCarriedOver":[],
                  "carriedOverCount":0,"next":"x","complete":false},
                 {"completed":2,"reached":"b","newlyCarriedOver":["x"],
                  "carriedOverCount":1,"next":"y","complete":false},
                 {"completed":3,"reached":"c","newlyCarriedOver":["y"],
                  "carriedOverCount":2,"next":null,"complete":true}]}""");
        assertJson(body.path("reverse"), """
                {"from":"web","to":"phone","rows":[
                 {"completed":0,"reached":null,"newlyCarriedOver":[],
                  "carriedOverCount":0,"next":"a","complete":false},
                 {"completed":1,"reached":"x","newlyCarriedOver":["a","b"],
                  "carriedOverCount":2,"next":"c","complete":false},
                 {"completed":2,"reached":"y","newlyCarriedOver":["c"],
                  "carriedOverCount":3,"next":null,"complete":true}]}""");
        assertThat(get(bt + "/mappings/phone/web").status()).as("a check publishes nothing").isEqualTo(404);
    }

    @Test
    void theLargestCheck_staysFarBelowLambdasResponseLimit() {
        // given two flows of the maximum 200 nodes with the longest ids (64 characters), mapped 1:1
        String[] base = new String[200];
        String[] associated = new String[200];
        String[] links = new String[200];
        for (int i = 0; i < 200; i++) {
            base[i] = String.format("b%063d", i);
            associated[i] = String.format("a%063d", i);
            links[i] = base[i] + ">" + associated[i];
        }
        flow("phone", base);
        flow("web", associated);
        // when
        Reply reply = post(bt + "/mapping-check", check("phone", "web", ApiAssertions.links(links)));
        // then both 201-row matrices fit in well under 1 MB (each row lists only what it adds)
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("forward").path("rows")).hasSize(201);
        assertThat(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(1_000_000);
    }

    @Test
    void aCheckWithCrossingLinks_reportsThem() {
        // given
        flow("phone", "a", "b");
        flow("web", "x", "y");
        // when
        JsonNode lint = post(bt + "/mapping-check", check("phone", "web", ApiAssertions.links("a>y", "b>x")))
                .json().path("lint");
        // then
        assertThat(lint.path("crossingCount").asInt()).isEqualTo(1);
    }

    @Test
    void anInvalidCheck_is422NamingTheFields_andAReversedPairIs409() {
        // given
        flow("phone", "a");
        flow("web", "x");
        assertThat(put(bt + "/mappings/web/phone", ApiAssertions.links("x>a")).status()).isEqualTo(201);
        // when
        Reply unknownNode = post(bt + "/mapping-check", check("phone", "mobile", ApiAssertions.links("a>zz")));
        Reply badNodes = post(bt + "/mapping-check", check("web", "phone", ApiAssertions.links("nope>a", "x>zz")));
        Reply missing = post(bt + "/mapping-check", "{\"base\":\"phone\",\"links\":[]}");
        Reply reversed = post(bt + "/mapping-check", check("phone", "web", ApiAssertions.links("a>x")));
        // then
        assertProblem(unknownNode, 422, "validation-failed");
        assertThat(errorFields(unknownNode)).containsExactly("associated");
        assertThat(errorFields(badNodes)).containsExactly("links[0].from", "links[1].to[0]");
        assertThat(errorFields(missing)).containsExactly("associated");
        assertProblem(reversed, 409, "mapping-orientation");
    }

    @Test
    void theForm_namesAMappingConfiguredTheOtherWayRound() {
        // given
        flow("phone", "a");
        flow("web", "x");
        assertThat(put(bt + "/mappings/web/phone", ApiAssertions.links("x>a")).status()).isEqualTo(201);
        // when
        JsonNode asked = get(bt + "/mapping-form?base=phone&associated=web").json();
        JsonNode asConfigured = get(bt + "/mapping-form?base=web&associated=phone").json();
        // then
        assertThat(asked.path("mapping").isNull()).isTrue();
        assertJson(asked.path("configuredReversed"), "{\"base\":\"web\",\"associated\":\"phone\",\"version\":1}");
        assertThat(asConfigured.path("mapping").path("version").asInt()).isEqualTo(1);
        assertThat(asConfigured.path("configuredReversed").isNull()).isTrue();
    }
}
