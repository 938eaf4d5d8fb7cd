package dev.baton.events.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * The event a committed change of an order's sync item means to channels (docs/semantics.md#sync-rules).
 * {@code SYNCING} is Baton's own lease and never an event; an outcome is an event when the state it enters differs
 * from the one before (every outcome is entered from {@code SYNCING}, so each attempt's outcome counts once):
 * {@code SYNCED}, {@code INVALID}, {@code REJECTED}, {@code DEAD}, {@code NEEDS_REVIEW}; an operator's release of a
 * {@code NEEDS_REVIEW} order into a final state is that state's event. {@code ASYNC_PENDING} is an event twice: when
 * the first attempt of a sync fails ({@code sync.went-async}) and when an operator redrives or releases it back to
 * async processing ({@code sync.redriven}); a later attempt that fails again changes nothing a channel acts on (it
 * still waits). {@code DEAD} and {@code NEEDS_REVIEW} are the states a human must look at.
 */
public final class SyncChanges {

    private SyncChanges() {
    }

    /** The event of the change from {@code before} (null when the item was created) to {@code after}. */
    public static Optional<OrderEvent> between(OrderSync before, OrderSync after) {
        if (after == null || before != null && before.version() >= after.version()) {
            return Optional.empty();
        }
        SyncState was = before == null ? SyncState.NOT_SYNCED : before.state();
        return type(was, before == null ? 0 : before.redrives(), after)
                .map(type -> OrderEvent.of(type, after.orderId(), OrderEvent.Stream.SYNC, after.version(),
                        after.changedAt(), state(was, after)));
    }

    private static Optional<EventType> type(SyncState was, int redrivesBefore, OrderSync after) {
        return switch (after.state()) {
            case NOT_SYNCED, SYNCING -> Optional.empty();
            case SYNCED -> changed(was, after, EventType.SYNC_SUCCEEDED);
            case INVALID -> changed(was, after, EventType.SYNC_INVALID);
            case REJECTED -> changed(was, after, EventType.SYNC_REJECTED);
            case DEAD -> changed(was, after, EventType.SYNC_DEAD);
            case NEEDS_REVIEW -> changed(was, after, EventType.SYNC_NEEDS_REVIEW);
            case ASYNC_PENDING -> after.redrives() > redrivesBefore ? Optional.of(EventType.SYNC_REDRIVEN)
                    : was == SyncState.SYNCING && after.attempt() == 1 ? Optional.of(EventType.SYNC_WENT_ASYNC)
                    : Optional.empty();
        };
    }

    private static Optional<EventType> changed(SyncState was, OrderSync after, EventType type) {
        return was == after.state() ? Optional.empty() : Optional.of(type);
    }

    private static Map<String, Object> state(SyncState was, OrderSync after) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("syncState", after.state().name());
        state.put("previousSyncState", was.name());
        state.put("nextAction", after.state().nextAction().name());
        state.put("downstream", after.downstream());
        state.put("attempt", after.attempt());
        state.put("redrives", after.redrives());
        if (after.nextAttemptAt() != null) {
            state.put("nextAttemptAt", after.nextAttemptAt().toString());
        }
        // the classification explains an outcome that is a failure; a success keeps the last one only as history
        if (after.lastFailure() != null && after.state() != SyncState.SYNCED) {
            state.put("category", after.lastFailure().category());
            state.put("ruleId", after.lastFailure().ruleId());
        }
        if (after.deadReason() != null) {
            // stored once as the reason trying stopped; named as the API names it for each state
            state.put(after.state() == SyncState.NEEDS_REVIEW ? "reviewReason" : "deadReason",
                    after.deadReason().name());
        }
        return state;
    }
}
