package dev.baton.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.local.ApiEvents;

/**
 * Calls the function under test the way API Gateway does: builds a payload-2.0 event, posts it to the
 * Quarkus mock Lambda event server, and reads the API Gateway v2 response it returns.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** A decoded API Gateway v2 response. */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The content type header. */
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Reply get(String pathAndQuery) {
        return call("GET", pathAndQuery, null);
    }

    public static Reply put(String path, String body) {
        return call("PUT", path, body);
    }

    public static Reply post(String path, String body) {
        return call("POST", path, body);
    }

    /** Sends one request with a JSON content type. */
    public static Reply call(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, Map.of("content-type", "application/json"));
    }

    /** Sends one request with the given headers. */
    public static Reply call(String method, String pathAndQuery, String body, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        ObjectNode event = ApiEvents.event(method, path, query, headers, body, "$default", Map.of());
        return invoke(event.toString());
    }

    /**
     * Sends one request as API Gateway does after its JWT authorizer verified a token with these scopes and
     * claims ({@code requestContext.authorizer.jwt}).
     */
    public static Reply callAs(String method, String path, String body, java.util.List<String> scopes,
                               Map<String, String> claims) {
        ObjectNode event = ApiEvents.event(method, path, "", Map.of("content-type", "application/json"), body,
                "$default", Map.of());
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        ObjectNode c = jwt.putObject("claims");
        claims.forEach(c::put);
        scopes.forEach(jwt.putArray("scopes")::add);
        return invoke(event.toString());
    }

    /** Posts a raw event JSON to the function and decodes its API Gateway v2 response. */
    public static Reply invoke(String eventJson) {
        String raw = given().contentType("application/json").body(eventJson).post("/").then().extract().asString();
        try {
            JsonNode response = JSON.readTree(raw);
            Map<String, String> headers = JSON.convertValue(response.path("headers"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            return new Reply(response.path("statusCode").asInt(), headers == null ? Map.of() : headers,
                    response.path("body").isNull() ? null : response.path("body").asText());
        } catch (JsonProcessingException e) {
            throw new AssertionError("the function did not answer an API Gateway response: " + raw, e);
        }
    }

    /** Posts any raw event JSON to the function and answers its JSON response. */
    public static JsonNode invokeRaw(String eventJson) {
        String raw = given().contentType("application/json").body(eventJson).post("/").then().extract().asString();
        try {
            return raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + raw, e);
        }
    }

    /** JSON text of a value, for request bodies. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
