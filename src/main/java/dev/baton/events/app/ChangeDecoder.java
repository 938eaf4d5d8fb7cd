package dev.baton.events.app;

import java.util.Optional;

import dev.baton.events.domain.OrderEvent;

/**
 * Reads one record of the orders table's change stream as the event it means to channels, if any.
 *
 * @param <R> the record type of the stream reader (Lambda's stream record deployed, the SDK's locally)
 */
public interface ChangeDecoder<R> {

    /**
     * The event of {@code record}: empty for a change channels need not hear of (a lease taken, a grant issued, an
     * item removed). Throws only for an item that cannot be read, so the record is delivered again or dead-lettered.
     */
    Optional<OrderEvent> eventOf(R record);
}
