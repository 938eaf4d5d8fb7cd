package dev.baton.events.domain;

/**
 * The kinds of order event, each with its wire name (the EventBridge {@code detail-type}, the {@code type} field
 * and the name of its JSON schema {@code docs/events/<name>.v1.json}).
 */
public enum EventType {
    /** An order was created. */
    ORDER_STARTED("order.started"),
    /** The owning terminal completed a node on its platform. */
    NODE_COMPLETED("order.node-completed"),
    /** Ownership moved to another platform or terminal: the previous owner's screen can close. */
    HANDED_OFF("order.handed-off"),
    /** The downstream accepted the order. */
    SYNC_SUCCEEDED("sync.succeeded"),
    /** The first attempt of a sync failed transiently: Baton retries on its own (async processing). */
    SYNC_WENT_ASYNC("sync.went-async"),
    /** Async processing gave up: a human must look. */
    SYNC_DEAD("sync.dead"),
    /** A failure no rule knows outlived its few probes: the order waits for a human to decide. */
    SYNC_NEEDS_REVIEW("sync.needs-review"),
    /** The downstream refused the data as invalid. */
    SYNC_INVALID("sync.invalid"),
    /** The downstream rejected the business. */
    SYNC_REJECTED("sync.rejected"),
    /** An operator sent a dead (or needs-review) order back to async processing. */
    SYNC_REDRIVEN("sync.redriven");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code order.handed-off}. */
    public String wireName() {
        return wireName;
    }
}
