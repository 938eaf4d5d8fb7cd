package dev.baton.sync.domain;

import java.util.random.RandomGenerator;

/** A random generator that always draws the same value: exact delays without guessing a seed. */
record FixedRandom(double value) implements RandomGenerator {

    @Override
    public double nextDouble() {
        return value;
    }

    @Override
    public long nextLong() {
        return (long) (value * 0x1.0p53) << 11; // what RandomGenerator.nextDouble() turns back into value
    }
}
