package dev.baton.events.infra;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.events.domain.EventType;
import dev.baton.events.domain.OrderEvent;
import dev.baton.shared.infra.CanonicalJson;

/**
 * An event as JSON, the shape of {@code docs/events/<type>.v1.json}: the EventBridge {@code detail} deployed, the
 * webhook body locally.
 */
public final class EventJson {

    private EventJson() {
    }

    /** The event's JSON document. */
    public static ObjectNode json(OrderEvent event) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("id", event.id());
        json.put("type", event.type().wireName());
        json.put("schemaVersion", OrderEvent.SCHEMA_VERSION);
        json.put("orderId", event.orderId());
        json.put("stream", event.stream().wireName());
        json.put("sequence", event.sequence());
        json.put("time", event.time().toString());
        ObjectNode state = json.putObject("state");
        event.state().forEach((name, value) -> {
            if (value instanceof Integer number) {
                state.put(name, number);
            } else {
                state.put(name, value.toString());
            }
        });
        return json;
    }

    /** The event's JSON text. */
    public static String text(OrderEvent event) {
        return json(event).toString();
    }

    /** The event of a JSON text written by {@link #text}: the stored event read back as it was published. */
    public static OrderEvent parse(String text) {
        JsonNode json = CanonicalJson.parse(text);
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.wireName().equals(json.path("type").asText()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown event type"));
        Map<String, Object> state = new LinkedHashMap<>();
        json.path("state").fields().forEachRemaining(f -> state.put(f.getKey(),
                f.getValue().isInt() ? (Object) f.getValue().intValue() : f.getValue().asText()));
        return new OrderEvent(json.path("id").asText(), type, json.path("orderId").asText(),
                OrderEvent.Stream.valueOf(json.path("stream").asText().toUpperCase(java.util.Locale.ROOT)),
                json.path("sequence").asLong(), Instant.parse(json.path("time").asText()), state);
    }
}
