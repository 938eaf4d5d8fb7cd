package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(300),
            Duration.ofHours(24));

    static Stream<Arguments> invalidPolicies() {
        Duration s = Duration.ofSeconds(1);
        return Stream.of(
                Arguments.of(new Object[] {0, s, s, s, "maxAttempts must be 1 to 100, was 0"}),
                Arguments.of(new Object[] {101, s, s, s, "maxAttempts must be 1 to 100, was 101"}),
                Arguments.of(new Object[] {3, Duration.ofMillis(999), s, s, "baseDelay must be at least 1 second"}),
                Arguments.of(new Object[] {3, null, s, s, "baseDelay must be at least 1 second"}),
                Arguments.of(new Object[] {3, Duration.ofSeconds(2), s, Duration.ofSeconds(2),
                        "maxDelay must be from baseDelay to 14 days"}),
                Arguments.of(new Object[] {3, s, Duration.ofDays(15), s, "maxDelay must be from baseDelay to 14 days"}),
                Arguments.of(new Object[] {3, Duration.ofSeconds(2), Duration.ofSeconds(2), s,
                        "deadline must be from baseDelay to 14 days"}),
                Arguments.of(new Object[] {3, s, s, Duration.ofDays(14).plusSeconds(1),
                        "deadline must be from baseDelay to 14 days"}),
                Arguments.of(new Object[] {3, s, s, null, "deadline must be from baseDelay to 14 days"}));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("invalidPolicies")
    void invalidPolicy_isRefusedNamingTheRule(int attempts, Duration base, Duration max, Duration deadline,
                                              String message) {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(attempts, base, max, deadline));

        // then
        assertEquals(message, e.getMessage());
    }

    @Test
    void defaultPolicy_keepsRetryingForAboutAnHour_soAnOrdinaryOutageHealsItself() {
        // given the backoff caps between the default policy's attempts (full jitter waits half a cap on average)
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Duration caps = Duration.ZERO;
        for (int failed = 1; failed < policy.maxAttempts(); failed++) {
            caps = caps.plus(policy.noJitterBackoff(failed));
        }
        // then
        assertEquals(Duration.ofMinutes(5), policy.maxDelay(), "a recovery drains within one cap");
        assertTrue(caps.dividedBy(2).compareTo(Duration.ofMinutes(55)) >= 0, "average span " + caps.dividedBy(2));
        assertTrue(caps.compareTo(Duration.ofHours(3)) <= 0, "longest span " + caps);
        assertTrue(caps.compareTo(policy.deadline()) < 0, "the deadline never cuts it short");
    }

    @Test
    void noJitterBackoff_doublesFromTheBaseDelayUpToTheMaxDelay() {
        // when / then
        assertEquals(Duration.ofSeconds(2), POLICY.noJitterBackoff(1));
        assertEquals(Duration.ofSeconds(4), POLICY.noJitterBackoff(2));
        assertEquals(Duration.ofSeconds(256), POLICY.noJitterBackoff(8));
        assertEquals(Duration.ofSeconds(300), POLICY.noJitterBackoff(9));
        assertThrows(IllegalArgumentException.class, () -> POLICY.noJitterBackoff(0));
    }

    @Test
    void backoff_isAUniformShareOfTheCap_inWholeMilliseconds() {
        // given attempt 3: the cap is 2 s · 2² = 8 s
        int attempt = 3;

        // when / then
        assertEquals(Duration.ofMillis(4_000), POLICY.backoff(attempt, new FixedRandom(0.5)));
        assertEquals(Duration.ofMillis(6_000), POLICY.backoff(attempt, new FixedRandom(0.75)));
        assertEquals(Duration.ofMillis(8_000), POLICY.backoff(attempt, new FixedRandom(0.9999999)));
    }

    @Test
    void backoff_isAtLeastOneSecond() {
        // when / then
        assertEquals(Duration.ofSeconds(1), POLICY.backoff(1, new FixedRandom(0.0)));
        assertEquals(Duration.ofSeconds(1), POLICY.backoff(5, new FixedRandom(0.01)));
    }

    @Test
    void backoff_isCappedAtTheMaxDelay() {
        // given attempt 12: 2 s · 2¹¹ = 4096 s, capped at 300 s

        // when
        Duration highest = POLICY.backoff(12, new FixedRandom(0.9999999));
        Duration middle = POLICY.backoff(12, new FixedRandom(0.5));

        // then
        assertEquals(Duration.ofSeconds(300), highest);
        assertEquals(Duration.ofMillis(150_000), middle);
    }

    @Test
    void backoff_doesNotOverflowForHugeAttemptNumbers() {
        // given a policy whose cap is the largest allowed
        RetryPolicy wide = new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofDays(14), Duration.ofDays(14));

        // when / then
        assertEquals(Duration.ofSeconds(300), POLICY.noJitterBackoff(60));
        assertEquals(Duration.ofSeconds(300), POLICY.backoff(60, new FixedRandom(0.9999999)));
        assertEquals(Duration.ofDays(14), wide.noJitterBackoff(60));
        assertEquals(Duration.ofDays(14), wide.noJitterBackoff(64));
        assertEquals(Duration.ofDays(14), wide.noJitterBackoff(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(1L << 20), wide.noJitterBackoff(21));
    }

    @Test
    void seededGenerator_staysWithinTheCapAndAboveOneSecond() {
        // given a seeded generator
        RandomGenerator seeded = new java.util.SplittableRandom(42);

        // when / then
        for (int attempt = 1; attempt <= 100; attempt++) {
            Duration d = POLICY.backoff(attempt, seeded);
            Duration cap = POLICY.noJitterBackoff(attempt);
            assertEquals(true, d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(cap.plusSeconds(1)) <= 0,
                    "attempt " + attempt + " backed off " + d + " with cap " + cap);
        }
    }
}
