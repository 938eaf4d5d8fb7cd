package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.baton.support.Api;
import dev.baton.sync.app.DownstreamService;
import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A newcomer finds everything from the API itself: the business types, whether Baton answers, the OpenAPI
 * document; and a typo in a query parameter is named instead of silently ignored.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class DiscoveryTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    DownstreamService downstreams;
    @ConfigProperty(name = "baton.tables.definitions")
    String definitions;

    @Test
    void namesPublishedBeforeTheDirectoryExisted_areBackfilledByTheFirstListing_once() {
        // given a flow head and a downstream head written the way a stack older than the directory did
        // (no directory entry), and a directory that was never completed
        String legacy = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.putItem(b -> b.tableName(definitions).item(Map.of("pk", AttributeValue.fromS("BT#" + legacy),
                "sk", AttributeValue.fromS("HEAD#FLOW#phone"))));
        dynamo.putItem(b -> b.tableName(definitions).item(Map.of("pk", AttributeValue.fromS("DS#" + legacy),
                "sk", AttributeValue.fromS("HEAD"))));
        for (String kind : new String[] {"business-types", "downstreams"}) {
            dynamo.deleteItem(b -> b.tableName(definitions).key(Map.of("pk", AttributeValue.fromS("DIR#" + kind),
                    "sk", AttributeValue.fromS("#complete"))));
        }
        // when the business types are listed
        Reply reply = Api.get("/v1/business-types");
        // then the legacy type is there, the marker is not shown, and the directory now holds both
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).contains("\"" + legacy + "\"").doesNotContain("#complete");
        assertThat(directory("business-types", legacy)).isTrue();
        assertThat(directory("business-types", "#complete")).isTrue();
        assertThat(directory("downstreams", legacy)).isFalse();
        assertThat(downstreams.names()).contains(legacy).doesNotContain("#complete");
        assertThat(directory("downstreams", legacy)).isTrue();
        // and a name removed from the directory now stays removed: the backfill ran once
        dynamo.deleteItem(b -> b.tableName(definitions).key(Map.of("pk", AttributeValue.fromS("DIR#business-types"),
                "sk", AttributeValue.fromS(legacy))));
        assertThat(Api.get("/v1/business-types").body()).doesNotContain("\"" + legacy + "\"");
    }

    private boolean directory(String kind, String name) {
        return dynamo.getItem(b -> b.tableName(definitions).consistentRead(true).key(Map.of("pk",
                AttributeValue.fromS("DIR#" + kind), "sk", AttributeValue.fromS(name)))).hasItem();
    }

    @Test
    void aPublishedFlow_listsItsBusinessType_once_sorted() {
        // given two business types, one with two platforms
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "a-" + suffix;
        String second = "b-" + suffix;
        for (String path : new String[] {first + "/flows/phone", first + "/flows/web", second + "/flows/phone"}) {
            assertThat(Api.put("/v1/business-types/" + path, "{\"nodes\":[{\"id\":\"n1\",\"name\":\"N\"}]}").status())
                    .isEqualTo(201);
        }
        // when
        Reply reply = Api.get("/v1/business-types");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var types = new java.util.ArrayList<String>();
        reply.json().path("businessTypes").forEach(t -> types.add(t.asText()));
        assertThat(types).isSorted().containsSubsequence(first, second).doesNotHaveDuplicates();
    }

    @Test
    void health_answersOk_withoutData() {
        Reply reply = Api.get("/v1/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void theOpenApiDocument_isServed_asBuilt() throws Exception {
        Reply reply = Api.get("/v1/openapi.yaml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).startsWith("application/yaml");
        assertThat(reply.body()).isEqualTo(Files.readString(Path.of("src/main/resources/openapi.yaml")));
    }

    @Test
    void anUnknownQueryParameter_is400_namingIt_andWhatTheRouteAccepts() {
        // when: "verison" instead of "version"
        Reply reply = Api.get("/v1/business-types/auto-policy/flows/phone?verison=2&zz=1");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:baton:problem:unknown-query-parameter");
        assertThat(reply.json().path("detail").asText())
                .isEqualTo("Unknown query parameters: verison, zz. This route accepts: version.");
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("verison", "zz");
    }

    @Test
    void aRouteWithoutQueryParameters_refusesAny() {
        Reply reply = Api.get("/v1/business-types/auto-policy/flows?platform=phone");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).endsWith("This route accepts: none.");
    }
}
