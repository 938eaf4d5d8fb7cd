package dev.baton.sync.infra;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.baton.sync.domain.FailureModel;

/**
 * Reads the shipped {@link FailureModel} while a function that classifies failures starts ({@code order-sync},
 * {@code order-retry}, or every function when one process serves them all), not on the first failure no rule
 * matches: a SnapStart snapshot (taken after start-up) then already holds it, and no request pays for reading it.
 * The other functions never classify and do not read it: their start-up is what their first caller waits for.
 */
@Singleton
public class FailureModelWarmup {

    private static final Logger LOG = Logger.getLogger(FailureModelWarmup.class);

    /** The functions that classify downstream failures. */
    static final Set<String> CLASSIFYING = Set.of("order-sync", "order-retry");

    private final String export;

    FailureModelWarmup(@ConfigProperty(name = "quarkus.funqy.export") Optional<String> export) {
        this.export = export.orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        if (!readsTheModel(export)) {
            return;
        }
        long start = System.nanoTime();
        FailureModel.shipped();
        LOG.debugf("read the failure model in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether the function {@code export} (blank: every function in one process) reads the model at start-up. */
    static boolean readsTheModel(String export) {
        return export.isBlank() || CLASSIFYING.contains(export);
    }
}
