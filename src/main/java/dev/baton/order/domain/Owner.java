package dev.baton.order.domain;

import java.time.Instant;

/** The platform and terminal that own an order, since when. Only the owner may complete nodes. */
public record Owner(String platform, String terminalId, Instant since) {

    public Owner {
        if (platform == null || terminalId == null || since == null) {
            throw new IllegalArgumentException("owner needs platform, terminal and time");
        }
    }

    /** True when {@code platform} and {@code terminalId} are this owner. */
    public boolean is(String platform, String terminalId) {
        return this.platform.equals(platform) && this.terminalId.equals(terminalId);
    }
}
