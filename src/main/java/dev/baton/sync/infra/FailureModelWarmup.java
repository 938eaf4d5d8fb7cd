package dev.baton.sync.infra;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.baton.sync.domain.FailureModel;

/**
 * Reads the shipped {@link FailureModel} while the function starts, not on the first failure no rule matches: a
 * SnapStart snapshot (taken after start-up) then already holds it, and no request pays for reading it.
 */
@Singleton
public class FailureModelWarmup {

    private static final Logger LOG = Logger.getLogger(FailureModelWarmup.class);

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        FailureModel.shipped();
        LOG.debugf("read the failure model in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
