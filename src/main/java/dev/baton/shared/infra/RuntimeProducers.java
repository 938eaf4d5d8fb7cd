package dev.baton.shared.infra;

import java.time.Clock;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * Time and randomness as injectable parameters, so services can be tested with a fixed clock and a
 * seeded generator. Tests replace them with their own {@code @Alternative} beans.
 */
@ApplicationScoped
public class RuntimeProducers {

    /** The system clock in UTC. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A thread-safe generator for jitter, seeded per instance (SecureRandom stays unique after a SnapStart restore). */
    @Produces
    @DefaultBean
    @ApplicationScoped
    RandomGenerator random() {
        return new java.security.SecureRandom();
    }
}
