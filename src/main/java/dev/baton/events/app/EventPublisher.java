package dev.baton.events.app;

import java.util.List;

import dev.baton.events.domain.OrderEvent;

/** Where events go: the EventBridge bus deployed, signed webhooks locally. */
public interface EventPublisher {

    /**
     * Hands {@code events} over, in order; returns only when every one was accepted, otherwise throws
     * {@link EventsNotPublishedException} so the stream record is read again (at least once, never lost).
     */
    void publish(List<OrderEvent> events);
}
