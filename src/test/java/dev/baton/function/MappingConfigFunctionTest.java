package dev.baton.function;

import static dev.baton.support.Api.get;
import static dev.baton.support.Api.post;
import static dev.baton.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The mapping-config function end to end: API Gateway events in, DynamoDB Local underneath. */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class MappingConfigFunctionTest {

    private final String type = "auto-" + UUID.randomUUID().toString().substring(0, 8);

    static String nodes(String... ids) {
        StringBuilder json = new StringBuilder("{\"nodes\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"name\":\"Step ")
                    .append(ids[i]).append("\"}");
        }
        return json.append("]}").toString();
    }

    private String flows() {
        return "/v1/business-types/" + type + "/flows";
    }

    @Test
    void publishingAFlow_createsVersionOne_andIdenticalRepublishIsANoOp() {
        // when
        Reply first = put(flows() + "/phone", nodes("a", "b", "c"));
        Reply again = put(flows() + "/phone", nodes("a", "b", "c"));
        // then
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("created").asBoolean()).isTrue();
        assertThat(first.json().path("nodes").get(2).path("id").asText()).isEqualTo("c");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asInt()).isEqualTo(1);
        assertThat(again.json().path("created").asBoolean()).isFalse();
    }

    @Test
    void publishingChangedNodes_createsTheNextVersion_andOldVersionsStayReadable() {
        // given
        put(flows() + "/web", nodes("a", "b"));
        // when
        Reply second = put(flows() + "/web", nodes("a", "b", "c"));
        // then
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(get(flows() + "/web").json().path("nodes").size()).isEqualTo(3);
        Reply v1 = get(flows() + "/web?version=1");
        assertThat(v1.json().path("version").asInt()).isEqualTo(1);
        assertThat(v1.json().path("nodes").size()).isEqualTo(2);
    }

    @Test
    void listingFlows_givesEveryPlatformWithItsLatestVersion() {
        // given
        put(flows() + "/phone", nodes("a"));
        put(flows() + "/mobile", nodes("x", "y"));
        put(flows() + "/mobile", nodes("x", "y", "z"));
        // when
        JsonNode list = get(flows()).json();
        // then
        assertThat(list.path("flows").size()).isEqualTo(2);
        assertThat(list.path("flows").get(0).path("platform").asText()).isEqualTo("mobile");
        assertThat(list.path("flows").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(list.path("flows").get(0).path("nodeCount").asInt()).isEqualTo(3);
        assertThat(list.path("flows").get(1).path("platform").asText()).isEqualTo("phone");
    }

    @Test
    void unknownFlowOrVersion_isA404Problem() {
        Reply missing = get(flows() + "/nowhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        put(flows() + "/phone", nodes("a"));
        assertThat(get(flows() + "/phone?version=9").status()).isEqualTo(404);
    }

    @Test
    void invalidNodes_areA422NamingEachField_andNothingIsWritten() {
        // when
        Reply reply = put(flows() + "/phone",
                "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"Again\"},{\"id\":\"bad id\","
                        + "\"name\":\"\"},{\"id\":7}],\"extra\":1}");
        // then
        assertThat(reply.status()).isEqualTo(422);
        List<String> fields = reply.json().path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("extra", "nodes[2].id", "nodes[2].name", "nodes[3].id",
                "nodes[3].name");
        assertThat(get(flows() + "/phone").status()).isEqualTo(404);
    }

    @Test
    void duplicateNodeIds_areA422_andNothingIsWritten() {
        Reply reply = put(flows() + "/phone", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"B\"}]}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("nodes[1].id");
        assertThat(get(flows() + "/phone").status()).isEqualTo(404);
    }

    @Test
    void malformedJson_isA400_andWrongMethodA405_andUnknownRouteA404() {
        assertThat(put(flows() + "/phone", "{\"nodes\": [").status()).isEqualTo(400);
        assertThat(put(flows() + "/phone", "{\"nodes\":[],\"nodes\":[]}").status()).isEqualTo(400);
        assertThat(put(flows() + "/phone", "[1,2]").status()).isEqualTo(400);
        Reply wrongMethod = post(flows() + "/phone", nodes("a"));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("allow")).isEqualTo("GET, PUT");
        assertThat(get("/v1/nothing-here").status()).isEqualTo(404);
        assertThat(get("/v1/business-types/BAD%20TYPE/flows").status()).isEqualTo(422);
        assertThat(get(flows() + "/phone?version=abc").status()).isEqualTo(422);
    }
}
