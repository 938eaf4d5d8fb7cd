package dev.baton.events.app;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.events.domain.OrderEvent;

/**
 * Relays committed changes of the orders table to channels: decode the stream record, publish its event. The only
 * writer of events is the table's change stream (a transactional outbox without a second write): an event exists
 * if and only if its change was committed, and the request path keeps its call budgets.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final EventPublisher publisher;

    EventRelay(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes the event of one stream record, if it has one; throws when it must be delivered again. */
    public <R> Optional<OrderEvent> relay(ChangeDecoder<R> decoder, R record) {
        Optional<OrderEvent> event = decoder.eventOf(record);
        event.ifPresent(e -> {
            publisher.publish(List.of(e));
            LOG.debugf("published %s %s of order %s (%s #%d)", e.type().wireName(), e.id(), e.orderId(),
                    e.stream().wireName(), e.sequence());
        });
        return event;
    }
}
