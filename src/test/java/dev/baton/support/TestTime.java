package dev.baton.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.random.RandomGenerator;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Time and randomness the tests control, replacing the application's default producers in every test
 * profile. Untouched, they behave like the real ones (system time, real randomness); a test may move time
 * forward (to expire a lease or make a retry overdue) or fix the jitter, and must {@link #reset()} after.
 */
@Singleton
public class TestTime {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile Double fixedJitter;
    private static final Random REAL = new Random();

    /** Moves the application's clock forward by {@code by}. */
    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Makes every jitter draw return {@code value} (0 = shortest backoff, 1 = the cap). */
    public static void fixJitter(double value) {
        fixedJitter = value;
    }

    /** Back to real time and real randomness. */
    public static void reset() {
        offset = Duration.ZERO;
        fixedJitter = null;
    }

    /** The application's now. */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    @Produces
    @Singleton
    RandomGenerator random() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return REAL.nextLong();
            }

            @Override
            public double nextDouble() {
                Double fixed = fixedJitter;
                return fixed != null ? fixed : REAL.nextDouble();
            }
        };
    }
}
