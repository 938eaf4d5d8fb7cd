package dev.baton.events.app;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.events.domain.OrderEvent;

/**
 * Relays committed changes of the orders table to channels: decode the stream record, store its event, publish
 * it. The only writer of events is the table's change stream (a transactional outbox without a second write in
 * the request path): an event exists if and only if its change was committed, and the request path keeps its
 * call budgets. The deployed {@code order-events} function and the local stack's stream reader both relay through
 * here, so both store and publish the same way.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final EventStore store;
    private final EventPublisher publisher;

    /** Stores events in {@code store}, then hands them to {@code publisher}. */
    public EventRelay(EventStore store, EventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Stores and publishes the event of one stream record, if it has one; throws when it must be read again. */
    public <R> Optional<OrderEvent> relay(ChangeDecoder<R> decoder, R record) {
        Optional<OrderEvent> event = decoder.eventOf(record);
        event.ifPresent(this::relay);
        return event;
    }

    /**
     * Stores {@code event} (a no-op when it is stored already), then publishes it; throws when either failed, so
     * its record is read again. Stored first: a record read again after a failed publish stores nothing twice and
     * publishes with the same id, which receivers drop.
     */
    public void relay(OrderEvent event) {
        boolean fresh = store.add(event);
        publisher.publish(List.of(event));
        LOG.debugf("%s %s %s of order %s (%s #%d)", fresh ? "stored and published" : "published again",
                event.type().wireName(), event.id(), event.orderId(), event.stream().wireName(), event.sequence());
    }
}
