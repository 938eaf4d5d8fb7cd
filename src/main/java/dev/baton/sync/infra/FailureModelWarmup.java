package dev.baton.sync.infra;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.baton.sync.domain.FailureModel;

/**
 * Reads the shipped {@link FailureModel} while the function starts, not on the first failure no rule matches: a
 * SnapStart snapshot (taken after start-up) then already holds it, and no request pays for reading it.
 */
@Singleton
public class FailureModelWarmup {

    void onStart(@Observes StartupEvent event) {
        FailureModel.shipped();
    }
}
