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

import dev.baton.shared.domain.Mask;
import dev.baton.shared.domain.Violation;

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
        } catch (NumberFormatException | ArithmeticException e) {
            // e.g. 1E-2147483648: an exponent BigDecimal cannot hold; never echo the number (it may be data)
            throw ApiException.malformed("The body holds a number out of range.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.malformed("The body must be a JSON object.");
        }
        requireValidUnicode(node, "");
        return (ObjectNode) node;
    }

    /**
     * Refuses text that is not valid Unicode (a lone surrogate, e.g. from a {@code "\ud800"} escape): stored in
     * DynamoDB or sent to a downstream it would silently become {@code ?}, and two keys could then collide.
     * Names the place, never the text.
     */
    private static void requireValidUnicode(JsonNode node, String path) {
        if (node.isTextual() && !wellFormed(node.textValue())) {
            throw invalidUnicode(path.isEmpty() ? "body" : path, "is not valid Unicode text (a lone surrogate)");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireValidUnicode(node.get(i), path + "[" + i + "]");
            }
        }
        var fields = node.fields();
        while (node.isObject() && fields.hasNext()) {
            var field = fields.next();
            if (!wellFormed(field.getKey())) {
                throw invalidUnicode(path.isEmpty() ? "body" : path, "has a key that is not valid Unicode text (a"
                        + " lone surrogate)");
            }
            requireValidUnicode(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        }
    }

    private static ApiException invalidUnicode(String field, String message) {
        return ApiException.invalid("The body holds text that is not valid Unicode.", java.util.List.of(
                new Violation(Mask.text(field), message)));
    }

    /** True when {@code text} has no unpaired UTF-16 surrogate. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
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
