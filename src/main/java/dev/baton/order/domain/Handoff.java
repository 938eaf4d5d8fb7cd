package dev.baton.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * One change of ownership in an order's history.
 *
 * @param mappingVersion the node mapping used, null for a terminal change on the same platform
 * @param grantId        the id of the handoff grant that authorised it ({@link HandoffGrant#id()}), or null
 * @param grantIssuedBy  who issued that grant ({@link HandoffGrant#issuedBy()}), or null
 */
public record Handoff(String fromPlatform, String toPlatform, String fromTerminal, String toTerminal, Instant at,
                      List<String> carriedOver, Integer mappingVersion, String grantId,
                      String grantIssuedBy) {

    public Handoff {
        carriedOver = List.copyOf(carriedOver);
    }
}
