package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertJson;
import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.function.ApiAssertions.errorFields;
import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.call;
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
 * What the admin console stands on: checking a mapping before publishing it (lint and the handoff matrix in
 * both directions, nothing written), the form naming a mapping configured the other way round, and the
 * console's own files.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingCheckAndConsoleTest {

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
                 {"completed":0,"reached":null,"newlyCarriedOver":[],"carriedOverCount":0,"next":"x","complete":false},
                 {"completed":1,"reached":"a","newlyCarriedOver":[],"carriedOverCount":0,"next":"x","complete":false},
                 {"completed":2,"reached":"b","newlyCarriedOver":["x"],"carriedOverCount":1,"next":"y","complete":false},
                 {"completed":3,"reached":"c","newlyCarriedOver":["y"],"carriedOverCount":2,"next":null,"complete":true}]}""");
        assertJson(body.path("reverse"), """
                {"from":"web","to":"phone","rows":[
                 {"completed":0,"reached":null,"newlyCarriedOver":[],"carriedOverCount":0,"next":"a","complete":false},
                 {"completed":1,"reached":"x","newlyCarriedOver":["a","b"],"carriedOverCount":2,"next":"c","complete":false},
                 {"completed":2,"reached":"y","newlyCarriedOver":["c"],"carriedOverCount":3,"next":null,"complete":true}]}""");
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

    @Test
    void theConsolePage_isServedWithoutAToken_underAStrictContentSecurityPolicy() {
        // when
        Reply page = get("/console");
        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.headers().get("content-security-policy")).contains("default-src 'none'", "script-src 'self'",
                "frame-ancestors 'none'");
        assertThat(page.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/console.js\"></script>");
    }

    @Test
    void everyFileThePageLoads_isServedWithItsMediaType() {
        // given every module the entry point and its imports name
        for (String name : ConsoleAssets.FILES.keySet()) {
            if (name.equals("index.html")) {
                continue;
            }
            // when
            Reply file = get("/console/" + name);
            // then
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.headers().get("content-type")).as(name)
                    .isEqualTo(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            for (String imported : file.body().lines().filter(l -> l.startsWith("import "))
                    .map(l -> l.replaceAll(".*from '\\./([^']+)'.*", "$1")).toList()) {
                assertThat(ConsoleAssets.FILES).as(name + " imports " + imported).containsKey(imported);
            }
        }
    }

    @Test
    void theConsole_loadsNothingFromAnotherOrigin() {
        // given every file of the console
        for (String name : ConsoleAssets.FILES.keySet()) {
            String body = get(name.equals("index.html") ? "/console" : "/console/" + name).body();
            // then no URL of another origin (the SVG namespace is a name, never fetched)
            assertThat(body.replace("http://www.w3.org/2000/svg", "")).as(name)
                    .doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        }
    }

    @Test
    void unknownConsoleFiles_are404_andOtherMethods405() {
        // when
        Reply unknown = get("/console/secrets.js");
        Reply traversal = get("/console/..%2Fapplication.properties");
        Reply indexByName = get("/console/index.html");
        Reply post = call("POST", "/console", "{}");
        // then
        assertProblem(unknown, 404, "not-found");
        assertProblem(traversal, 404, "not-found");
        assertProblem(indexByName, 404, "not-found");
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().get("allow")).isEqualTo("GET");
    }
}
