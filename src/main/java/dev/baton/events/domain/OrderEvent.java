package dev.baton.events.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One event about one order, as channels receive it (schemas in {@code docs/events/}). It names states and ids
 * only: never node data, payloads or the downstream's messages.
 *
 * @param id       deterministic from the committed change (order id, stream, item version): a redelivered change
 *                 carries the same id, so receivers de-duplicate by it
 * @param stream   which of the order's two items changed: {@code order} (ownership and progress) or {@code sync}
 * @param sequence the changed item's version: increases by one with every committed change of that stream, so a
 *                 receiver orders events of one order and stream by it and sees gaps
 * @param time     when the change was committed (the item's own change time)
 * @param state    the states after the change (owner, sync state, attempt...), string or integer values
 */
public record OrderEvent(String id, EventType type, String orderId, Stream stream, long sequence, Instant time,
                         Map<String, Object> state) {

    /** Version of the event format; bumped with a new {@code docs/events/*.v<n>.json} when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    /** The two items of an order, each with its own version counter. */
    public enum Stream {
        /** The order item ({@code pk = <order id>}). */
        ORDER,
        /** The sync item ({@code pk = sync#<order id>}). */
        SYNC;

        /** The lower-case name on the wire. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public OrderEvent {
        if (type == null || orderId == null || stream == null || time == null || sequence < 1) {
            throw new IllegalArgumentException(
                    "an event needs a type, an order id, a stream, a time and a sequence >= 1");
        }
        if (id == null) {
            id = idOf(orderId, stream, sequence);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        state = Collections.unmodifiableMap(copy);
    }

    /** An event whose id is derived from the change it describes. */
    public static OrderEvent of(EventType type, String orderId, Stream stream, long sequence, Instant time,
                                Map<String, Object> state) {
        return new OrderEvent(null, type, orderId, stream, sequence, time, state);
    }

    /** The id of the event of change {@code sequence} of one order's stream: a name-based UUID, the same every time. */
    public static String idOf(String orderId, Stream stream, long sequence) {
        String name = "baton-event|" + orderId + "|" + stream.wireName() + "|" + sequence;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
