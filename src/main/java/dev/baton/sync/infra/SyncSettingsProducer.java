package dev.baton.sync.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.DownstreamPolicies;
import dev.baton.sync.app.SyncTimings;
import dev.baton.sync.domain.EndpointPolicy;
import dev.baton.sync.domain.SecretRefPolicy;

/** Makes the typed {@code baton.sync.*}, {@code baton.downstream.*} and {@code baton.secrets.*} settings available to the sync services. */
@ApplicationScoped
public class SyncSettingsProducer {

    @Produces
    @Singleton
    SyncTimings timings(BatonConfig config) {
        return new SyncTimings(config.sync().leaseMargin(), config.sync().sweepGrace());
    }

    @Produces
    @Singleton
    DownstreamPolicies policies(BatonConfig config) {
        return new DownstreamPolicies(new EndpointPolicy(config.downstream().allowInsecureLocal(),
                config.downstream().allowedHosts().orElse(List.of())),
                new SecretRefPolicy(config.secrets().parameterPrefix()));
    }
}
