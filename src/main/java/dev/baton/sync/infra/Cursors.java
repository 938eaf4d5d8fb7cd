package dev.baton.sync.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.SyncStore.BadCursorException;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors: the index position (order id, state, change time) as base64url JSON. A cursor that
 * does not decode, or belongs to another state's listing, is refused rather than passed to DynamoDB.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        ObjectNode o = CanonicalJson.mapper().createObjectNode();
        o.put("id", lastKey.get(SyncItems.PK).s().substring(SyncItems.PREFIX.length()));
        o.put("state", lastKey.get(SyncItems.STATE).s());
        o.put("changed", lastKey.get(SyncItems.CHANGED_AT).n());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(CanonicalJson.text(o)
                .getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, SyncState state) {
        try {
            JsonNode o = CanonicalJson.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            String id = o.path("id").asText("");
            String changed = o.path("changed").asText("");
            if (!dev.baton.shared.domain.Ids.isOrderId(id) || !changed.matches("\\d{1,19}")
                    || !state.name().equals(o.path("state").asText())) {
                throw new BadCursorException();
            }
            Map<String, AttributeValue> key = new HashMap<>();
            key.put(SyncItems.PK, SyncItems.key(id));
            key.put(SyncItems.STATE, AttributeValue.fromS(state.name()));
            key.put(SyncItems.CHANGED_AT, AttributeValue.fromN(changed));
            return key;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadCursorException();
        }
    }
}
