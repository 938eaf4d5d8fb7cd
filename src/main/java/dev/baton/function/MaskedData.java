package dev.baton.function;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.domain.Mask;

/**
 * Order data as operators see it: the shape (keys, arrays, nesting) stays so they can tell what was
 * collected, every value becomes {@code "***"}, and keys that look like personal data are masked too.
 */
final class MaskedData {

    static final String HIDDEN = "***";

    private MaskedData() {
    }

    /** {@code data} with every scalar replaced by {@link #HIDDEN}; null stays null. */
    static JsonNode of(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return data;
        }
        if (data.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(Mask.text(field.getKey()), of(field.getValue()));
            }
            return out;
        }
        if (data.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            data.forEach(item -> out.add(of(item)));
            return out;
        }
        return JsonNodeFactory.instance.textNode(HIDDEN);
    }
}
