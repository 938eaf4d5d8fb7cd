package dev.baton.events.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
}
