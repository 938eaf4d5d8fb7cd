package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@link RetryPolicy#nextAttemptAt}: backoff, {@code Retry-After}, and exhaustion by attempts and deadline. */
class RetryPolicyNextAttemptTest {

    private static final Instant FIRST = Instant.parse("2026-01-05T09:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(300),
            Duration.ofHours(24));

    @Test
    void nextAttempt_isNowPlusTheBackoff() {
        // given attempt 3 failed at now
        Instant now = FIRST.plusSeconds(10);

        // when
        Optional<Instant> next = POLICY.nextAttemptAt(3, FIRST, now, null, new FixedRandom(0.5));

        // then
        assertEquals(Optional.of(now.plusSeconds(4)), next);
    }

    @Test
    void retryAfter_aboveTheJitterAndTheMaxDelay_isHonoured() {
        // given the downstream asks for 10 minutes, above the 300 s max delay
        Instant now = FIRST.plusSeconds(10);

        // when
        Optional<Instant> next = POLICY.nextAttemptAt(1, FIRST, now, Duration.ofMinutes(10), new FixedRandom(0.5));

        // then
        assertEquals(Optional.of(now.plus(Duration.ofMinutes(10))), next);
    }

    @Test
    void retryAfter_belowTheBackoff_doesNotShortenIt() {
        // when
        Optional<Instant> next = POLICY.nextAttemptAt(3, FIRST, FIRST, Duration.ofSeconds(1), new FixedRandom(0.75));

        // then
        assertEquals(Optional.of(FIRST.plusSeconds(6)), next);
    }

    @Test
    void lastAllowedAttempt_exhaustsThePolicy() {
        // when
        Optional<Instant> afterSeventh = POLICY.nextAttemptAt(7, FIRST, FIRST, null, new FixedRandom(0.5));
        Optional<Instant> afterEighth = POLICY.nextAttemptAt(8, FIRST, FIRST, null, new FixedRandom(0.5));

        // then
        assertEquals(Optional.of(FIRST.plusSeconds(64)), afterSeventh);
        assertEquals(Optional.empty(), afterEighth);
    }

    @Test
    void nextTimeAfterTheDeadline_exhaustsThePolicy_butExactlyAtTheDeadlineIsAllowed() {
        // given the deadline is FIRST + 24 h; attempt 3 backs off 4 s with 0.5
        Instant deadline = FIRST.plus(Duration.ofHours(24));

        // when
        Optional<Instant> atDeadline = POLICY.nextAttemptAt(3, FIRST, deadline.minusSeconds(4), null,
                new FixedRandom(0.5));
        Optional<Instant> pastDeadline = POLICY.nextAttemptAt(3, FIRST, deadline.minusSeconds(3), null,
                new FixedRandom(0.5));

        // then
        assertEquals(Optional.of(deadline), atDeadline);
        assertEquals(Optional.empty(), pastDeadline);
    }

    @Test
    void retryAfter_isNeverHonouredPastTheDeadline() {
        // given an hour before the deadline, the downstream asks for two
        Instant now = FIRST.plus(Duration.ofHours(23));

        // when
        Optional<Instant> twoHours = POLICY.nextAttemptAt(2, FIRST, now, Duration.ofHours(2), new FixedRandom(0.5));
        Optional<Instant> forever = POLICY.nextAttemptAt(2, FIRST, now, Duration.ofSeconds(Long.MAX_VALUE),
                new FixedRandom(0.5));

        // then
        assertEquals(Optional.empty(), twoHours);
        assertEquals(Optional.empty(), forever);
    }
}
