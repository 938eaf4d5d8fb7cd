package dev.baton.function.http;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies strictly: JSON only (no comments, trailing garbage or duplicated keys), at most
 * {@value #MAX_DEPTH} levels deep, an object at the top. Every failure is a 400/415 problem naming the
 * place, never echoing the content.
 */
@ApplicationScoped
public class JsonBodies {

    /** Deepest nesting accepted in a request body (node data included). */
    public static final int MAX_DEPTH = 32;

    private final ObjectMapper strict;

    JsonBodies() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.strict = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** The body of {@code request} as a JSON object. */
    public ObjectNode object(HttpRequest request) {
        checkContentType(request);
        if (request.body().isBlank()) {
            throw ApiException.malformed("A JSON object body is required.");
        }
        JsonNode node;
        try {
            node = strict.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw ApiException.malformed("The body is not valid JSON" + where(e.getLocation()) + ": "
                    + reason(e) + ".");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.malformed("The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static void checkContentType(HttpRequest request) {
        String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT).trim();
        String mediaType = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
        if (!mediaType.isEmpty() && !mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.", java.util.List.of());
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The parser's reason without the excerpt of the input that Jackson appends. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable";
        }
        if (message.startsWith("Duplicate field")) {
            return "a key appears twice in one object";
        }
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("end-of-input")) {
            return "it ends too early";
        }
        if (message.startsWith("Unexpected character")) {
            return "unexpected character";
        }
        if (message.contains("Trailing token")) {
            return "there is more after the JSON value";
        }
        return "unreadable";
    }
}
