package dev.baton.bench.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.SyncState;
import dev.baton.sync.infra.SyncIndexes;

/**
 * A discrete-event model (not live DynamoDB) of a 10-minute downstream outage at 10,000 syncs a second
 * ({@code infra/bench/recovery.sh --drain}): every sync fails while the downstream is down and goes
 * {@code ASYNC_PENDING}; the retry worker, at most {@code workers} invocations at once (the template's
 * {@code RetryMaxConcurrency}), runs each attempt when due with the production {@link RetryPolicies#DEFAULT} and
 * full jitter; a fraction of retry messages is lost and the sweeper (every minute, 25 orders per shard per run,
 * after the 60 s grace) sends them again. Fresh syncs keep arriving at the same rate throughout. Order ids go
 * through the production shard function and index keys ({@link SyncIndexes}), and every index write is counted
 * per index partition key and second, as the storage maps each transition (README "Where the 4 units go"):
 * a claim puts the {@code SYNCING} due entry; a first outcome removes it and, on failure, puts the
 * {@code ASYNC_PENDING} due and listing entries; a retry's claim writes no index; a failed retry moves its due
 * entry (2 writes on its partition); a success removes both entries; a resend by the sweeper moves the due entry.
 *
 * <p>Index shards are independent (an order touches only its own), so the model simulates exactly the orders of
 * the 8 due shards that map to listing shard 0 (shard mod 16 = 0: 1/16 of the traffic, every one of those
 * shards' writes) with 1/16 of the worker concurrency; the per-partition rates are then those of the full system.
 */
public final class OutageDrainSimulation {

    /** The scenario: rates in orders per second of the whole system, durations from time 0. */
    public record Scenario(int syncsPerSecond, Duration outage, Duration arrivals, int workers, double lostMessages,
                           long seed) {
    }

    /** Results; rates are writes per second on one index partition key. */
    public record Outcome(Scenario scenario, long backlogAtRecovery, long drainedAfterMillis, long dead,
                          Map<String, Long> maxPerPartitionSecond, Map<String, String> hottestKey, long sweeperResends,
                          long simulatedOrders) {
    }

    private static final long FAIL_MS = 50;
    private static final long SUCCESS_MS = 350;
    private static final long SWEEP_EVERY_MS = 60_000;
    private static final long SWEEP_GRACE_MS = 60_000;
    private static final int SWEEP_BATCH = 25;
    private static final int SCALE = SyncIndexes.DUE_SHARDS / 8; // 8 of the 128 due shards: 1/16

    private record Attempt(long dueMs, int order, int number, boolean lost) {
    }

    private final Scenario s;
    private final RetryPolicy policy = RetryPolicies.DEFAULT.forCategory(Category.TRANSIENT).orElseThrow();
    private final SplittableRandom random;
    private final List<String> ids = new ArrayList<>();
    private final List<Long> firstAt = new ArrayList<>();
    private final Map<String, Map<Long, Long>> writes = new HashMap<>();
    private final PriorityQueue<Attempt> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueMs(), b.dueMs()));
    private final PriorityQueue<Long> workerFree = new PriorityQueue<>();
    private long lastDrained;
    private long dead;
    private long resends;

    private OutageDrainSimulation(Scenario s) {
        this.s = s;
        this.random = new SplittableRandom(s.seed());
        for (int w = 0; w < Math.max(1, s.workers() / SCALE); w++) {
            workerFree.add(0L);
        }
    }

    /** Runs {@code s}. */
    public static Outcome run(Scenario s) {
        return new OutageDrainSimulation(s).simulate();
    }

    private Outcome simulate() {
        long outageMs = s.outage().toMillis();
        long arrivalsEnd = s.arrivals().toMillis();
        SplittableRandom idRandom = new SplittableRandom(s.seed() + 1);
        List<Attempt> lost = new ArrayList<>();
        long nextSweep = SWEEP_EVERY_MS;
        long total = (long) s.syncsPerSecond() * arrivalsEnd / 1000;
        for (long i = 0; ; i++) {
            long t = i <= total ? i * 1000 / s.syncsPerSecond() : Long.MAX_VALUE;
            // retries and sweeps due before this arrival run first, in time order
            while (true) {
                boolean work = !due.isEmpty() || !lost.isEmpty();
                while (!work && nextSweep <= t && t != Long.MAX_VALUE) {
                    nextSweep += SWEEP_EVERY_MS; // nothing to sweep yet
                }
                long nextDue = due.isEmpty() ? Long.MAX_VALUE : due.peek().dueMs();
                long sweepAt = work ? nextSweep : Long.MAX_VALUE;
                if (Math.min(nextDue, sweepAt) > t || !work) {
                    break;
                }
                if (nextDue <= sweepAt) {
                    retry(due.poll(), outageMs, lost);
                } else {
                    sweep(nextSweep, lost);
                    nextSweep += SWEEP_EVERY_MS;
                }
            }
            if (i > total) {
                break;
            }
            String id = "o-" + Long.toHexString(idRandom.nextLong()) + Long.toHexString(idRandom.nextLong());
            if (SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS) % SyncIndexes.LISTED_SHARDS != 0) {
                continue; // another listing shard's order: not simulated (shards are independent)
            }
            arrive(id, t, outageMs);
        }
        Map<String, Long> max = new java.util.TreeMap<>();
        Map<String, String> hottest = new HashMap<>();
        writes.forEach((key, perSecond) -> {
            String family = key.startsWith("due:") ? "syncDue " + key.substring(4, key.indexOf('#'))
                    : "syncListed " + key.substring(5, key.indexOf('#'));
            long m = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (m > max.getOrDefault(family, -1L)) {
                max.put(family, m);
                hottest.put(family, key.substring(key.indexOf(':') + 1));
            }
        });
        long backlog = firstAt.stream().filter(t -> t < outageMs).count() * SCALE; // every one failed its sync
        return new Outcome(s, backlog, Math.max(0, lastDrained - outageMs), dead * SCALE, max, hottest,
                resends * SCALE, ids.size());
    }

    private void arrive(String id, long t, long outageMs) {
        int order = ids.size();
        ids.add(id);
        firstAt.add(t);
        write("due:", SyncState.SYNCING, id, t); // the claim's lease
        if (t >= outageMs) {
            write("due:", SyncState.SYNCING, id, t + SUCCESS_MS); // SYNCED at once: leaves the due index
            return;
        }
        long end = t + FAIL_MS;
        write("due:", SyncState.SYNCING, id, end);
        write("due:", SyncState.ASYNC_PENDING, id, end);
        write("list:", SyncState.ASYNC_PENDING, id, end);
        schedule(order, 1, end);
    }

    private void retry(Attempt a, long outageMs, List<Attempt> lost) {
        if (a.lost()) {
            lost.add(a);
            return;
        }
        long start = Math.max(a.dueMs(), workerFree.poll());
        String id = ids.get(a.order());
        if (start >= outageMs) {
            long end = start + SUCCESS_MS;
            workerFree.add(end);
            write("due:", SyncState.ASYNC_PENDING, id, end);
            write("list:", SyncState.ASYNC_PENDING, id, end);
            lastDrained = Math.max(lastDrained, end);
            return;
        }
        long end = start + FAIL_MS;
        workerFree.add(end);
        schedule(a.order(), a.number(), end);
    }

    /** After attempt {@code number} failed at {@code now}: the next one (its due entry moves) or DEAD. */
    private void schedule(int order, int number, long now) {
        String id = ids.get(order);
        Optional<Instant> next = policy.nextAttemptAt(number, Instant.ofEpochMilli(firstAt.get(order)),
                Instant.ofEpochMilli(now), null, random);
        if (number > 1) {
            write("due:", SyncState.ASYNC_PENDING, id, now);
            write("due:", SyncState.ASYNC_PENDING, id, now);
        }
        if (next.isEmpty()) {
            dead++;
            write("list:", SyncState.ASYNC_PENDING, id, now);
            write("list:", SyncState.DEAD, id, now);
            return;
        }
        due.add(new Attempt(next.get().toEpochMilli(), order, number + 1, random.nextDouble() < s.lostMessages()));
    }

    /** A sweep: lost messages overdue by the grace are sent again, at most 25 per due shard. */
    private void sweep(long now, List<Attempt> lost) {
        Map<Integer, Integer> perShard = new HashMap<>();
        List<Attempt> kept = new ArrayList<>();
        for (Attempt a : lost) {
            int shard = SyncIndexes.shard(ids.get(a.order()), SyncIndexes.DUE_SHARDS);
            if (a.dueMs() + SWEEP_GRACE_MS <= now && perShard.merge(shard, 1, Integer::sum) <= SWEEP_BATCH) {
                String id = ids.get(a.order());
                write("due:", SyncState.ASYNC_PENDING, id, now); // resend: the due entry moves to now
                write("due:", SyncState.ASYNC_PENDING, id, now);
                resends++;
                due.add(new Attempt(now, a.order(), a.number(), false));
            } else {
                kept.add(a);
            }
        }
        lost.clear();
        lost.addAll(kept);
    }

    private void write(String index, SyncState state, String id, long atMs) {
        String key = index.equals("due:") ? SyncIndexes.dueKey(state, SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS))
                : SyncIndexes.listKey(state, SyncIndexes.shard(id, SyncIndexes.LISTED_SHARDS));
        writes.computeIfAbsent(index + key, k -> new HashMap<>()).merge(atMs / 1000, 1L, Long::sum);
    }

    /** The Markdown rows of {@code outcomes}. */
    public static String markdown(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("| retry workers | ASYNC_PENDING at recovery | all synced after recovery "
                + "| DEAD | sweeper resends | max writes/s on one partition: syncDue SYNCING | syncDue ASYNC_PENDING "
                + "| syncListed ASYNC_PENDING | syncListed DEAD |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %d | %,d | %.0f s | %d | %d | %d | %d | %d | %d |%n",
                    o.scenario().workers(), o.backlogAtRecovery(), o.drainedAfterMillis() / 1000.0, o.dead(),
                    o.sweeperResends(), o.maxPerPartitionSecond().getOrDefault("syncDue SYNCING", 0L),
                    o.maxPerPartitionSecond().getOrDefault("syncDue ASYNC_PENDING", 0L),
                    o.maxPerPartitionSecond().getOrDefault("syncListed ASYNC_PENDING", 0L),
                    o.maxPerPartitionSecond().getOrDefault("syncListed DEAD", 0L)));
        }
        return md.toString();
    }

    /** {@code infra/bench/recovery.sh --drain}: the outage at 10,000 syncs/s with 1,000 and 3,000 retry workers. */
    public static void main(String[] args) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (int workers : new int[] {1_000, 3_000}) {
            long t = System.nanoTime();
            Outcome o = run(new Scenario(10_000, Duration.ofMinutes(10), Duration.ofMinutes(60), workers, 0.001, 16));
            System.out.printf(Locale.ROOT, "%d workers: %d orders simulated (1/16 of %d) in %.1f s; hottest %s%n",
                    workers, o.simulatedOrders(), o.simulatedOrders() * SCALE, (System.nanoTime() - t) / 1e9,
                    o.hottestKey());
            outcomes.add(o);
        }
        String text = markdown(outcomes);
        System.out.println(text);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/bench"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench/outage-drain-report.md"), text);
    }
}
