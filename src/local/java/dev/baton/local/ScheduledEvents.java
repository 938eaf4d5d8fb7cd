package dev.baton.local;

import java.time.Instant;
import java.util.UUID;

/** EventBridge scheduled events, as a {@code Schedule} event source delivers them. */
final class ScheduledEvents {

    private ScheduledEvents() {
    }

    static String event() {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"" + Instant.now() + "\","
                + "\"region\":\"" + EmbeddedBackends.REGION + "\",\"resources\":[],\"detail\":{}}";
    }
}
