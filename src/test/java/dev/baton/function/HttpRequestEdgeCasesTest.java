package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.function.MappingConfigFunctionTest.nodes;
import static dev.baton.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.local.ApiEvents;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * How the {@code mapping-config} function treats request bodies as API Gateway delivers them — base64, the
 * 256 KiB limit, media types, encodings, strict JSON — and concurrent publishes of one flow.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class HttpRequestEdgeCasesTest {

    /** The documented body limit: 256 KiB after base64 decoding. */
    private static final int LIMIT = 262_144;

    @Inject
    MappingConfigFunction function;

    private final String type = "edge-" + UUID.randomUUID().toString().substring(0, 8);
    private final String flow = "/v1/business-types/" + type + "/flows/phone";

    /** Sends {@code body} to publish the phone flow, base64-encoded by API Gateway when {@code base64}. */
    private static Reply publish(String path, byte[] body, boolean base64, String contentType) {
        ObjectNode event = ApiEvents.event("PUT", path, "", Map.of("content-type", contentType), "", "$default",
                Map.of());
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        return Api.invoke(event.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid publish body padded with trailing JSON whitespace to exactly {@code size} bytes. */
    private static byte[] paddedTo(int size) {
        String json = nodes("a", "b");
        return utf8(json + " ".repeat(size - utf8(json).length));
    }

    @Test
    void aBase64EncodedBody_publishesTheFlow() {
        // given a body with non-ASCII names, sent the way API Gateway sends binary-looking bodies
        String body = "{\"nodes\":[{\"id\":\"id-check\",\"name\":\"Identitätsprüfung 身份验证\"},"
                + "{\"id\":\"sign\",\"name\":\"Sign\"}]}";
        // when
        Reply reply = publish(flow, utf8(body), true, "application/json");
        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("version").asInt()).isEqualTo(1);
        JsonNode stored = get(flow).json();
        assertThat(stored.path("nodes").findValuesAsText("id")).containsExactly("id-check", "sign");
        assertThat(stored.path("nodes").get(0).path("name").asText()).isEqualTo("Identitätsprüfung 身份验证");
    }

    @Test
    void aBodyOneByteOverTheLimit_isA413_andNothingIsWritten_whileExactlyTheLimitIsAccepted() {
        // given
        byte[] over = paddedTo(LIMIT + 1);
        byte[] atLimit = paddedTo(LIMIT);
        // when
        Reply plainOver = publish(flow, over, false, "application/json");
        Reply base64Over = publish(flow, over, true, "application/json");
        Reply nothingYet = get(flow);
        Reply plainAtLimit = publish(flow, atLimit, false, "application/json");
        // then
        assertProblem(plainOver, 413, "payload-too-large");
        assertProblem(base64Over, 413, "payload-too-large");
        assertProblem(nothingYet, 404, "not-found");
        assertThat(plainAtLimit.status()).as(plainAtLimit.toString()).isEqualTo(201);
        assertThat(plainAtLimit.json().path("version").asInt()).isEqualTo(1);
    }

    static Stream<Arguments> badBodies() {
        String deepName = "{\"nodes\":[{\"id\":\"a\",\"name\":" + "[".repeat(37) + "]".repeat(37) + "}]}";
        return Stream.of(
                Arguments.of("not base64", utf8("abcde"), true, "application/json", 400, "malformed-request"),
                Arguments.of("text/plain", utf8(nodes("a")), false, "text/plain", 415, "unsupported-media-type"),
                Arguments.of("invalid UTF-8", new byte[] {(byte) 0xC3, 0x28}, true, "application/json", 400,
                        "malformed-request"),
                Arguments.of("a duplicated key", utf8("{\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"name\":\"B\"}]}"),
                        false, "application/json", 400, "malformed-request"),
                Arguments.of("40 levels deep", utf8(deepName), false, "application/json", 400, "malformed-request"));
    }

    @ParameterizedTest(name = "a body with {0} is a {4} problem and writes nothing")
    @MethodSource("badBodies")
    void aBadBody_isAClientProblem_andWritesNothing(String what, byte[] body, boolean base64, String contentType,
                                                    int status, String slug) {
        // when
        Reply reply = publish(flow, body, base64, contentType);
        // then
        assertProblem(reply, status, slug);
        assertThat(reply.json().has("errors")).as("a body problem names no field").isFalse();
        assertProblem(get(flow), 404, "not-found");
    }

    @Test
    void eightConcurrentPublishesOnConcurrentLambdaInstances_neverShareAVersion() throws Exception {
        // given eight publishers calling the function's entry point at once, as eight Lambda instances would
        String path = "/v1/business-types/" + type + "/flows/mobile";
        // when
        List<Outcome> outcomes = publishConcurrently(8, nodes -> invokeInProcess(path, nodes));
        // then
        assertNoSharedVersions(path, outcomes);
    }

    /** One publisher's node list and the answer it got. */
    private record Outcome(String nodes, Reply reply) {
    }

    private static List<Outcome> publishConcurrently(int publishers, Function<String, Reply> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < publishers; i++) {
                String body = nodes("start", "step-" + i, "end");
                Callable<Outcome> publish = () -> {
                    go.await();
                    return new Outcome(body, send.apply(body));
                };
                futures.add(pool.submit(publish));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Reply invokeInProcess(String path, String body) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                .withRawPath(path).withRawQueryString("").withHeaders(Map.of("content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withRequestId(UUID.randomUUID().toString()).withRouteKey("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("PUT").withPath(path)
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = function.handle(event);
        return new Reply(response.getStatusCode(), new HashMap<>(response.getHeaders()), response.getBody());
    }

    private static void assertNoSharedVersions(String path, List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            assertThat(outcome.reply().status()).as(outcome.reply().toString()).isIn(201, 409);
            if (outcome.reply().status() == 409) {
                assertProblem(outcome.reply(), 409, "concurrent-publish");
            }
        }
        List<Outcome> created = outcomes.stream().filter(o -> o.reply().status() == 201).toList();
        List<Integer> versions = created.stream().map(o -> o.reply().json().path("version").asInt()).sorted()
                .toList();
        int n = created.size();
        assertThat(n).as("at least one publish wins").isPositive();
        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(get(path).json().path("version").asInt()).isEqualTo(n);
        for (Outcome outcome : created) {
            int version = outcome.reply().json().path("version").asInt();
            JsonNode stored = get(path + "?version=" + version).json();
            assertThat(stored.path("version").asInt()).isEqualTo(version);
            assertThat((Object) stored.path("nodes")).as("version %d holds its publisher's nodes", version)
                    .isEqualTo(ApiAssertions.json(outcome.nodes()).path("nodes"));
        }
        assertProblem(get(path + "?version=" + (n + 1)), 404, "not-found");
    }
}
