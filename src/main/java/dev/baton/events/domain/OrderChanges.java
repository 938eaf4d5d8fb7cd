package dev.baton.events.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.baton.order.domain.CompletedNode;
import dev.baton.order.domain.Handoff;
import dev.baton.order.domain.Order;

/**
 * The event a committed change of an order item means to channels: created → {@code order.started}, a new
 * handoff → {@code order.handed-off}, a node completed on a platform → {@code order.node-completed}. Other writes
 * (a handoff grant issued) tell channels nothing. Pure: the images in, at most one event out; every write of the
 * order item is one operation, so one change is at most one event.
 */
public final class OrderChanges {

    private OrderChanges() {
    }

    /**
     * The event of the change from {@code before} (null when the item was created) to {@code after}.
     * Only ids and states are copied: node data and start data never leave the order.
     */
    public static Optional<OrderEvent> between(Order before, Order after) {
        if (after == null || before != null && before.version() >= after.version()) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(event(EventType.ORDER_STARTED, after, owner(after)));
        }
        if (after.handoffs().size() > before.handoffs().size()) {
            return Optional.of(event(EventType.HANDED_OFF, after, handoff(after)));
        }
        return completedNode(before, after).map(node -> event(EventType.NODE_COMPLETED, after, node));
    }

    private static Map<String, Object> owner(Order order) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("businessType", order.businessType());
        if (order.owner() != null) {
            state.put("ownerPlatform", order.owner().platform());
            state.put("ownerTerminal", order.owner().terminalId());
        }
        return state;
    }

    private static Map<String, Object> handoff(Order order) {
        Handoff last = order.handoffs().get(order.handoffs().size() - 1);
        Map<String, Object> state = owner(order);
        state.put("fromPlatform", last.fromPlatform());
        state.put("fromTerminal", last.fromTerminal());
        state.put("toPlatform", last.toPlatform());
        state.put("toTerminal", last.toTerminal());
        state.put("carriedOver", last.carriedOver().size());
        state.put("handoffs", order.handoffs().size());
        return state;
    }

    private static Optional<Map<String, Object>> completedNode(Order before, Order after) {
        for (Map.Entry<String, List<CompletedNode>> platform : after.progress().entrySet()) {
            List<CompletedNode> was = before.progress().getOrDefault(platform.getKey(), List.of());
            List<CompletedNode> now = platform.getValue();
            if (now.size() > was.size() && !now.get(now.size() - 1).carried()) {
                CompletedNode node = now.get(now.size() - 1);
                Map<String, Object> state = owner(after);
                state.put("platform", platform.getKey());
                state.put("nodeId", node.nodeId());
                state.put("terminalId", node.terminalId());
                state.put("completedOnPlatform", now.size());
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    private static OrderEvent event(EventType type, Order order, Map<String, Object> state) {
        return OrderEvent.of(type, order.id(), OrderEvent.Stream.ORDER, order.version(), order.updatedAt(), state);
    }
}
