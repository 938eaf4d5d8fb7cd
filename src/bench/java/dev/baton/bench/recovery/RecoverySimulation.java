package dev.baton.bench.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import dev.baton.sync.domain.RetryPolicy;

/**
 * A discrete-event simulation of orders retried through an outage, with Baton's own {@link RetryPolicy}
 * ({@code nextAttemptAt}, the code the retry worker runs). Every order's first attempt is its synchronous call;
 * each later attempt happens exactly when it is due (the retry queue delivers it and the worker, which Lambda
 * scales out, runs it at once). The downstream fails every call until {@code recoverAt}; after that it serves at
 * most {@code capacityPerSecond} calls in each second and answers "busy" (transient, no {@code Retry-After})
 * beyond that, as a recovering system does.
 *
 * <p>"No jitter" runs the same production code with a random source that always draws the top of the range,
 * so each backoff is exactly its cap, min(maxDelay, baseDelay · 2^(n−1)).
 */
public final class RecoverySimulation {

    /**
     * What to simulate.
     *
     * @param orders            how many orders
     * @param arrivalWindow     their first attempts are spread evenly over this window, from time 0
     * @param recoverAt         when the downstream comes back
     * @param capacityPerSecond calls it serves per second once back ({@code Integer.MAX_VALUE}: unlimited)
     * @param policy            the downstream's retry policy
     * @param jitter            full jitter (production) or none
     * @param seed              of the jitter's random source
     */
    public record Scenario(int orders, Duration arrivalWindow, Duration recoverAt, int capacityPerSecond,
                           RetryPolicy policy, boolean jitter, long seed) {
    }

    /**
     * What happened; times in milliseconds from time 0.
     *
     * @param syncedAt        for each order the time it was synced, or -1 if it went DEAD
     * @param callsPerSecond  downstream calls made in each second
     * @param busyPerSecond   of those, the ones answered "busy" after the recovery
     * @param totalCalls      downstream calls in all
     * @param dead            orders whose attempts or deadline ran out
     */
    public record Outcome(Scenario scenario, long[] syncedAt, long[] callsPerSecond, long[] busyPerSecond,
                          long totalCalls, int dead) {

        /** Milliseconds from the recovery until the last order was synced (DEAD ones excluded). */
        public long lastSyncedAfterRecovery() {
            long last = 0;
            for (long t : syncedAt) {
                last = Math.max(last, t);
            }
            return Math.max(0, last - scenario.recoverAt().toMillis());
        }

        /** Milliseconds after the recovery by which {@code fraction} of all orders were synced, or -1. */
        public long syncedAfterRecovery(double fraction) {
            long[] done = java.util.Arrays.stream(syncedAt).filter(t -> t >= 0).sorted().toArray();
            int needed = (int) Math.ceil(fraction * syncedAt.length);
            return needed > done.length ? -1 : Math.max(0, done[needed - 1] - scenario.recoverAt().toMillis());
        }

        /** Downstream calls made from the recovery on. */
        public long callsAfterRecovery() {
            long sum = 0;
            for (int s = (int) (scenario.recoverAt().toMillis() / 1000); s < callsPerSecond.length; s++) {
                sum += callsPerSecond[s];
            }
            return sum;
        }
    }

    private record Attempt(long atMillis, int order, int number) implements Comparable<Attempt> {
        @Override
        public int compareTo(Attempt o) {
            return atMillis != o.atMillis ? Long.compare(atMillis, o.atMillis) : Integer.compare(order, o.order);
        }
    }

    private RecoverySimulation() {
    }

    /** Runs one scenario. */
    public static Outcome run(Scenario s) {
        RandomGenerator random = s.jitter() ? new SplittableRandom(s.seed()) : new TopOfRange();
        Instant epoch = Instant.EPOCH;
        long recover = s.recoverAt().toMillis();
        long[] synced = new long[s.orders()];
        java.util.Arrays.fill(synced, -1);
        long[] firstAt = new long[s.orders()];
        PriorityQueue<Attempt> due = new PriorityQueue<>();
        for (int i = 0; i < s.orders(); i++) {
            firstAt[i] = s.orders() == 1 ? 0 : s.arrivalWindow().toMillis() * i / (s.orders() - 1);
            due.add(new Attempt(firstAt[i], i, 1));
        }
        java.util.Map<Long, Long> calls = new java.util.TreeMap<>();
        java.util.Map<Long, Long> busy = new java.util.TreeMap<>();
        java.util.Map<Long, Long> served = new java.util.HashMap<>();
        long total = 0;
        int dead = 0;
        while (!due.isEmpty()) {
            Attempt a = due.poll();
            long second = a.atMillis() / 1000;
            calls.merge(second, 1L, Long::sum);
            total++;
            if (a.atMillis() >= recover && served.getOrDefault(second, 0L) < s.capacityPerSecond()) {
                served.merge(second, 1L, Long::sum);
                synced[a.order()] = a.atMillis();
                continue;
            }
            if (a.atMillis() >= recover) {
                busy.merge(second, 1L, Long::sum);
            }
            Optional<Instant> next = s.policy().nextAttemptAt(a.number(), epoch.plusMillis(firstAt[a.order()]),
                    epoch.plusMillis(a.atMillis()), null, random);
            if (next.isPresent()) {
                due.add(new Attempt(next.get().toEpochMilli(), a.order(), a.number() + 1));
            } else {
                dead++;
            }
        }
        return new Outcome(s, synced, series(calls), series(busy), total, dead);
    }

    private static long[] series(java.util.Map<Long, Long> perSecond) {
        long last = perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long[] out = new long[(int) last + 1];
        perSecond.forEach((k, v) -> out[k.intValue()] = v);
        return out;
    }

    /** Always the top of the range: {@link RetryPolicy#backoff} then returns exactly its cap (no jitter). */
    static final class TopOfRange implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    }
}
