package dev.baton.events.domain;

import static dev.baton.events.domain.Changes.completed;
import static dev.baton.events.domain.Changes.handedOff;
import static dev.baton.events.domain.Changes.started;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.baton.order.domain.HandoffGrant;
import dev.baton.order.domain.Order;

/** Which committed change of an order item is which event, and what the event carries. */
class OrderChangesTest {

    @Test
    void createdItem_isOrderStarted_withItsOwner() {
        // given a new order item
        Order order = started("A-1");
        // when
        OrderEvent event = OrderChanges.between(null, order).orElseThrow();
        // then
        assertThat(event.type()).isEqualTo(EventType.ORDER_STARTED);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.stream()).isEqualTo(OrderEvent.Stream.ORDER);
        assertThat(event.state()).containsEntry("ownerPlatform", "phone").containsEntry("ownerTerminal", "agent-0042");
    }

    @Test
    void appendedNode_isNodeCompleted_atTheItemsVersion() {
        Order before = completed(started("A-1"), "quote");
        Order after = completed(before, "vehicle");

        OrderEvent event = OrderChanges.between(before, after).orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.NODE_COMPLETED);
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.time()).isEqualTo(after.updatedAt());
        assertThat(event.state()).containsEntry("nodeId", "vehicle").containsEntry("platform", "phone")
                .containsEntry("completedOnPlatform", 2);
    }

    @Test
    void newHandoff_isHandedOff_namingThePreviousAndTheNewOwner() {
        Order before = completed(started("A-1"), "quote");
        Order after = handedOff(before, "mobile", "app-7f3a");

        OrderEvent event = OrderChanges.between(before, after).orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.HANDED_OFF);
        assertThat(event.state()).containsEntry("fromPlatform", "phone").containsEntry("fromTerminal", "agent-0042")
                .containsEntry("toPlatform", "mobile").containsEntry("toTerminal", "app-7f3a")
                .containsEntry("carriedOver", 1).containsEntry("ownerTerminal", "app-7f3a");
    }

    @Test
    void grantIssued_tellsChannelsNothing() {
        Order before = started("A-1");
        Order after = before.withGrant(new HandoffGrant("a".repeat(64), "mobile", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"), "agent-0042"),
                Instant.parse("2026-12-01T10:00:01Z"));

        assertThat(OrderChanges.between(before, after)).isEmpty();
    }

    @Test
    void sameOrOlderVersion_isNoEvent() {
        Order order = completed(started("A-1"), "quote");
        assertThat(OrderChanges.between(order, order)).isEmpty();
    }

    @Test
    void eventId_isTheSameForTheSameChange_andDiffersBetweenChanges() {
        Order one = started("A-1");
        Order two = completed(one, "quote");

        String first = OrderChanges.between(null, one).orElseThrow().id();

        assertThat(OrderChanges.between(null, one).orElseThrow().id()).isEqualTo(first);
        assertThat(OrderChanges.between(one, two).orElseThrow().id()).isNotEqualTo(first);
        assertThat(OrderEvent.idOf("A-1", OrderEvent.Stream.SYNC, 1)).isNotEqualTo(first);
    }
}
