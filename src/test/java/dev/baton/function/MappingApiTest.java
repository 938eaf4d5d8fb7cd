package dev.baton.function;

import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.get;
import static dev.baton.support.Api.post;
import static dev.baton.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Node mappings, their lint, the configuration form and the handoff preview, over the HTTP API. */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingApiTest {

    private final String bt = "/v1/business-types/m-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void flows() {
        // phone: a b c d; web: w x y z (z is reached by no link)
        put(bt + "/flows/phone", nodes("a", "b", "c", "d"));
        put(bt + "/flows/web", nodes("w", "x", "y", "z"));
    }

    private static String links(String... pairs) {
        StringBuilder json = new StringBuilder("{\"links\":[");
        for (int i = 0; i < pairs.length; i++) {
            String[] p = pairs[i].split(">");
            json.append(i == 0 ? "" : ",").append("{\"from\":\"").append(p[0]).append("\",\"to\":[\"")
                    .append(String.join("\",\"", p[1].split(","))).append("\"]}");
        }
        return json.append("]}").toString();
    }

    @Test
    void publishingAMapping_pinsTheFlowVersions_andLintsIt() {
        // given a mapping with an unmapped node on each side and one crossing pair (b→y, c→x)
        Reply reply = put(bt + "/mappings/phone/web", links("a>w", "b>y", "c>x"));
        // then
        JsonNode m = reply.json();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(m.path("version").asInt()).isEqualTo(1);
        assertThat(m.path("baseFlowVersion").asInt()).isEqualTo(1);
        assertThat(m.path("associatedFlowVersion").asInt()).isEqualTo(1);
        JsonNode lint = m.path("lint");
        assertThat(lint.path("unmappedBase").toString()).isEqualTo("[\"d\"]");
        assertThat(lint.path("unmappedAssociated").toString()).isEqualTo("[\"z\"]");
        assertThat(lint.path("crossingCount").asInt()).isEqualTo(1);
        assertThat(lint.path("crossings").get(0).toString())
                .isEqualTo("{\"fromA\":\"b\",\"toA\":\"y\",\"fromB\":\"c\",\"toB\":\"x\"}");
        assertThat(lint.path("coverage").path("basePercent").asDouble()).isEqualTo(75.0);
        assertThat(lint.path("coverage").path("associatedMapped").asInt()).isEqualTo(3);
        // an identical publish is a no-op; a changed one is version 2; version 1 stays readable
        assertThat(put(bt + "/mappings/phone/web", links("c>x", "a>w", "b>y")).status()).isEqualTo(200);
        assertThat(put(bt + "/mappings/phone/web", links("a>w,x", "b>y")).json().path("version").asInt())
                .isEqualTo(2);
        assertThat(get(bt + "/mappings/phone/web?version=1").json().path("links").size()).isEqualTo(3);
        assertThat(get(bt + "/mappings/phone/web").json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void invalidLinks_areA422NamingEachField_andNothingIsWritten() {
        Reply reply = put(bt + "/mappings/phone/web", links("a>w", "nope>x", "b>ghost", "a>w"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").findValuesAsText("field"))
                .contains("links[1].from", "links[2].to[0]", "links[3].to[0]");
        assertThat(get(bt + "/mappings/phone/web").status()).isEqualTo(404);
        Reply same = put(bt + "/mappings/phone/phone", links("a>a"));
        assertThat(same.json().path("errors").get(0).path("field").asText()).isEqualTo("associated");
        Reply noFlow = put(bt + "/mappings/phone/kiosk", links("a>k"));
        assertThat(noFlow.json().path("errors").get(0).path("field").asText()).isEqualTo("associated");
    }

    @Test
    void aMappingAlreadyConfiguredTheOtherWay_isAConflict() {
        put(bt + "/mappings/phone/web", links("a>w"));
        Reply reversed = put(bt + "/mappings/web/phone", links("w>a"));
        assertThat(reversed.status()).isEqualTo(409);
        assertThat(reversed.json().path("type").asText()).isEqualTo("urn:baton:problem:mapping-orientation");
        assertThat(get(bt + "/mappings/web/phone").status()).isEqualTo(404);
    }

    @Test
    void theForm_offersThePlatforms_bothNodeLists_andTheCurrentLinks() {
        put(bt + "/flows/mobile", nodes("m"));
        put(bt + "/mappings/phone/web", links("a>w"));
        JsonNode empty = get(bt + "/mapping-form").json();
        assertThat(empty.path("platforms").toString()).isEqualTo("[\"mobile\",\"phone\",\"web\"]");
        assertThat(empty.path("base").isNull()).isTrue();
        assertThat(empty.path("mapping").isNull()).isTrue();
        JsonNode form = get(bt + "/mapping-form?base=phone&associated=web").json();
        assertThat(form.path("base").path("choices").toString()).isEqualTo("[\"mobile\",\"phone\"]");
        assertThat(form.path("associated").path("choices").toString()).isEqualTo("[\"mobile\",\"web\"]");
        assertThat(form.path("base").path("nodes").findValuesAsText("id")).containsExactly("a", "b", "c", "d");
        assertThat(form.path("mapping").path("links").get(0).path("from").asText()).isEqualTo("a");
        assertThat(form.path("lint").path("unmappedBase").size()).isEqualTo(3);
        assertThat(get(bt + "/mapping-form?base=fax").json().path("errors").get(0).path("field").asText())
                .isEqualTo("base");
    }

    @Test
    void thePreview_resolvesBothDirectionsOfOneMapping() {
        // given N:1 (a,b → w) and 1:N (c → x,y)
        put(bt + "/mappings/phone/web", links("a>w", "b>w", "c>x,y"));
        // when only one of the two sources of w is done
        JsonNode partial = post(bt + "/handoff-preview", "{\"from\":\"phone\",\"to\":\"web\",\"completed\":[\"a\"]}")
                .json();
        assertThat(partial.path("carriedOver").size()).isZero();
        assertThat(partial.path("next").path("id").asText()).isEqualTo("w");
        // when both are, and c
        JsonNode full = post(bt + "/handoff-preview",
                "{\"from\":\"phone\",\"to\":\"web\",\"completed\":[\"c\",\"a\",\"b\"]}").json();
        assertThat(full.path("completedOnSource").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(full.path("carriedOver").findValuesAsText("node")).startsWith("w");
        assertThat(full.path("pending").findValuesAsText("id")).containsExactly("z");
        // and the reverse direction uses the inverse links: w satisfies a and b
        JsonNode reverse = post(bt + "/handoff-preview", "{\"from\":\"web\",\"to\":\"phone\",\"completed\":[\"w\"]}")
                .json();
        assertThat(reverse.path("pending").findValuesAsText("id")).containsExactly("c", "d");
        Reply unknown = post(bt + "/handoff-preview", "{\"from\":\"phone\",\"to\":\"web\",\"completed\":[\"q\"]}");
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("completed[0]");
    }

    @Test
    void aPreviewWithoutAMapping_isA422NamingBothPlatforms() {
        Reply reply = post(bt + "/handoff-preview", "{\"from\":\"phone\",\"to\":\"web\",\"completed\":[]}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("phone", "web");
        List<String> fields = post(bt + "/handoff-preview", "{\"from\":7,\"completed\":\"a\"}").json()
                .path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("from", "to", "completed");
    }
}
