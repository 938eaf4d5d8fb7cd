package dev.baton.sync.app;

import java.time.Duration;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.Failure;

/** Submits an order's payload to a downstream, synchronously, and describes what happened. */
public interface Connector {

    /**
     * Calls the downstream once with {@code idempotencyKey} in the {@code Idempotency-Key} header. The whole
     * exchange — secret look-ups, connecting, sending, the headers and the whole body of the answer — ends
     * within {@code budget} (at most the downstream's own timeout); what does not is a {@code TIMEOUT}. Never
     * throws for a downstream failure: timeouts, refused connections, error statuses and error codes are
     * all answered as a {@link Failure}.
     */
    Outcome submit(Downstream downstream, String idempotencyKey, NodeData payload, Duration budget);

    /**
     * What the call did: {@code failure} is null on success ({@code reference} may then be set).
     *
     * @param latency time from sending the request to reading the answer (or failing)
     */
    record Outcome(Failure failure, String reference, Duration latency) {

        /** True when the downstream accepted the order. */
        public boolean succeeded() {
            return failure == null;
        }
    }
}
