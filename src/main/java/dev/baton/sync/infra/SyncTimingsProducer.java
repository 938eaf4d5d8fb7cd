package dev.baton.sync.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.SyncTimings;

/** Makes the typed {@code baton.sync.*} settings available to the sync services. */
@ApplicationScoped
public class SyncTimingsProducer {

    @Produces
    @Singleton
    SyncTimings timings(BatonConfig config) {
        return new SyncTimings(config.sync().leaseMargin(), config.sync().sweepGrace());
    }
}
