package dev.baton.events.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.events.app.EventPublisher;
import dev.baton.events.app.EventsNotPublishedException;
import dev.baton.events.domain.OrderEvent;
import dev.baton.shared.infra.BatonConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link EventPublisher} on an EventBridge bus: source {@value #SOURCE}, detail-type the event's type (what rules
 * match on), detail the event JSON. PutEvents accepts up to 10 entries and may refuse some of them
 * ({@code FailedEntryCount}): then the whole record is read again, and receivers drop what they already have by id
 * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html).
 */
@ApplicationScoped
public class EventBridgePublisher implements EventPublisher {

    /** The {@code source} of every Baton event on the bus. */
    public static final String SOURCE = "baton.orders";

    private final EventBridgeClient events;
    private final String bus;

    EventBridgePublisher(EventBridgeClient events, BatonConfig config) {
        this.events = events;
        this.bus = config.events().bus();
    }

    @Override
    public void publish(List<OrderEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<PutEventsRequestEntry> entries = batch.stream().map(e -> PutEventsRequestEntry.builder()
                .eventBusName(bus).source(SOURCE).detailType(e.type().wireName()).time(e.time())
                .resources(List.of()).detail(EventJson.text(e)).build()).toList();
        PutEventsResponse answer;
        try {
            answer = events.putEvents(b -> b.entries(entries));
        } catch (SdkException e) {
            throw new EventsNotPublishedException("PutEvents to bus " + bus + " failed for " + ids(batch), e);
        }
        if (answer.failedEntryCount() != null && answer.failedEntryCount() > 0) {
            throw new EventsNotPublishedException("PutEvents to bus " + bus + " refused " + answer.failedEntryCount()
                    + " of " + ids(batch), null);
        }
    }

    private static String ids(List<OrderEvent> batch) {
        return batch.stream().map(OrderEvent::id).toList().toString();
    }
}
