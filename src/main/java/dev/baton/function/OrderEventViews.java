package dev.baton.function;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.events.app.EventStore;
import dev.baton.events.domain.OrderEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of {@code GET /v1/orders/{id}/events}: each event in the shape it was published in (docs/events/). */
final class OrderEventViews {

    private OrderEventViews() {
    }

    /** One page; {@code nextCursor} null on the last one. */
    @RegisterForReflection
    public record Page(String orderId, List<Event> events,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
        static Page of(String orderId, EventStore.Page page) {
            return new Page(orderId, page.events().stream().map(Event::of).toList(), page.nextCursor());
        }
    }

    /** One event, field for field as {@code docs/events/<type>.v1.json} describes it. */
    @RegisterForReflection
    public record Event(String id, String type, int schemaVersion, String orderId, String stream, long sequence,
                 String time, Map<String, Object> state) {
        static Event of(OrderEvent e) {
            return new Event(e.id(), e.type().wireName(), OrderEvent.SCHEMA_VERSION, e.orderId(), e.stream().wireName(),
                    e.sequence(), e.time().toString(), e.state());
        }
    }
}
