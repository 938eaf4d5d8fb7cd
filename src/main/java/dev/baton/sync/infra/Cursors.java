package dev.baton.sync.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.domain.Ids;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.SyncStore.BadCursorException;
import dev.baton.sync.domain.SyncState;

/**
 * Opaque page cursors of the sharded listing: the listed states and the listing position (the sort key of the
 * last order answered: every shard continues strictly after it), as base64url JSON. A cursor that does not
 * decode, or belongs to a listing of other states, is refused rather than passed to DynamoDB.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(List<SyncState> states, String lastSortKey) {
        ObjectNode o = CanonicalJson.mapper().createObjectNode();
        o.put("states", names(states));
        o.put("after", lastSortKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(CanonicalJson.text(o)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key to continue after, if {@code cursor} is one of the listing of {@code states}. */
    static String decode(String cursor, List<SyncState> states) {
        try {
            JsonNode o = CanonicalJson.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            String after = o.path("after").asText("");
            int hash = after.indexOf('#');
            if (hash != 13 || !after.substring(0, 13).chars().allMatch(Character::isDigit)
                    || !Ids.isOrderId(after.substring(14)) || !names(states).equals(o.path("states").asText())) {
                throw new BadCursorException();
            }
            return after;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadCursorException();
        }
    }

    private static String names(List<SyncState> states) {
        return states.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
