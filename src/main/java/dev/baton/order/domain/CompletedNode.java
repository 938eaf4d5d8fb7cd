package dev.baton.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * A node done on one platform: its data, when and by which terminal, and — when it was not done there
 * but satisfied by a handoff — the platform and source nodes it was carried over from.
 *
 * @param carriedFrom null when the node was completed on this platform itself
 */
public record CompletedNode(String nodeId, NodeData data, Instant completedAt, String terminalId,
                            CarriedFrom carriedFrom) {

    public CompletedNode {
        if (nodeId == null || data == null || completedAt == null || terminalId == null) {
            throw new IllegalArgumentException("completed node needs id, data, time and terminal");
        }
    }

    /** Where a carried-over node came from. */
    public record CarriedFrom(String platform, List<String> sourceNodes) {
        public CarriedFrom {
            sourceNodes = List.copyOf(sourceNodes);
        }
    }

    /** True when the node was satisfied by a handoff rather than completed on its platform. */
    public boolean carried() {
        return carriedFrom != null;
    }
}
