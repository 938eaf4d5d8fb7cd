package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api;
import dev.baton.support.Api.Reply;

/** Request bodies and assertions shared by the mapping, preview and HTTP edge-case tests. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    /** A publish-mapping body from links written as {@code "from>to1,to2"}. */
    static String links(String... links) {
        StringBuilder json = new StringBuilder("{\"links\":[");
        for (int i = 0; i < links.length; i++) {
            String[] parts = links[i].split(">");
            json.append(i == 0 ? "" : ",").append("{\"from\":\"").append(parts[0]).append("\",\"to\":[\"")
                    .append(String.join("\",\"", parts[1].split(","))).append("\"]}");
        }
        return json.append("]}").toString();
    }

    /** The links array of {@link #links} as JSON, to compare with the {@code links} of an answer. */
    static JsonNode linksJson(String... links) {
        return json(links(links)).path("links");
    }

    /** A handoff-preview body. */
    static String preview(String from, String to, String... completed) {
        return Api.json(java.util.Map.of("from", from, "to", to, "completed", List.of(completed)));
    }

    /** Parses JSON text. */
    static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON in a test: " + text, e);
        }
    }

    /** Asserts JSON equality: objects regardless of field order, arrays in order, numbers by type and value. */
    static void assertJson(JsonNode actual, String expected) {
        assertThat((Object) actual).isEqualTo(json(expected));
    }

    /** The {@code field} of every {@code errors[]} entry, in answer order. */
    static List<String> errorFields(Reply reply) {
        return reply.json().path("errors").findValuesAsText("field");
    }

    /**
     * Asserts that {@code reply} is a problem answer: the HTTP status, the problem+json media type, a
     * {@code status} member equal to the HTTP status and the type {@code urn:baton:problem:<slug>}.
     */
    static void assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").isInt()).as(reply.toString()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:baton:problem:")
                .isEqualTo("urn:baton:problem:" + slug);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
