package dev.baton.bench.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.baton.sync.domain.RetryPolicy;

/**
 * Outage recovery ({@code infra/bench/recovery.sh}): 10,000 orders arrive while the downstream is down; it
 * comes back and serves a limited rate. Simulated with the real retry policy, full jitter against none; the
 * recovery curve is written to {@code src/bench/recovery-curve.svg}. With {@code --validate}, a small real run on
 * the local stack (the stand-in insurer down, then up) is compared with the simulation of the same run.
 */
public final class RecoveryBench {

    /** A downstream configured for outages: 20 attempts, 2 s base, 5 min cap, a day to succeed. */
    static final RetryPolicy OUTAGE_POLICY = new RetryPolicy(20, Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofHours(24));

    private RecoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("| scenario | backoff | all SYNCED after recovery | 99 % SYNCED after | downstream calls in all "
                + "| calls after recovery | of those answered busy | DEAD |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        List<RecoverySimulation.Outcome> plotted = new ArrayList<>();
        for (Case c : cases()) {
            for (boolean jitter : new boolean[] {true, false}) {
                RecoverySimulation.Outcome o = RecoverySimulation.run(new RecoverySimulation.Scenario(10_000,
                        c.arrivals(), Duration.ofMinutes(10), c.capacity(), c.policy(), jitter, 42));
                report.append(row(c.name(), jitter ? "full jitter" : "no jitter", o));
                if (c.plotted()) {
                    plotted.add(o);
                }
            }
        }
        String svg = RecoveryPlot.svg("10,000 orders, 10 min outage, downstream back at 100 calls/s "
                + "(20 attempts, 2 s base, 5 min cap)", List.of("full jitter (production)", "no jitter"), plotted, 600);
        Files.writeString(Path.of("src/bench/recovery-curve.svg"), svg);
        System.out.println(report);
        if (args.length > 0 && args[0].equals("--validate")) {
            String validation = RecoveryCheck.run(100, Duration.ofSeconds(15));
            System.out.println(validation);
            report.append("\n").append(validation);
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/recovery-report.md"), report);
        System.exit(0);
    }

    private record Case(String name, Duration arrivals, int capacity, RetryPolicy policy, boolean plotted) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("burst: all arrive in the first minute; back at 100 calls/s", Duration.ofMinutes(1), 100,
                        OUTAGE_POLICY, true),
                new Case("spread: arrive evenly over the 10 min; back at 100 calls/s", Duration.ofMinutes(10), 100,
                        OUTAGE_POLICY, false),
                new Case("burst; back at full capacity (unlimited)", Duration.ofMinutes(1), Integer.MAX_VALUE,
                        OUTAGE_POLICY, false),
                new Case("burst; 100 calls/s; RetryPolicy.DEFAULT (" + RetryPolicy.DEFAULT.maxAttempts() + " attempts, "
                        + RetryPolicy.DEFAULT.baseDelay().toSeconds() + " s, " + RetryPolicy.DEFAULT.maxDelay().toMinutes()
                        + " min, " + RetryPolicy.DEFAULT.deadline().toHours() + " h)",
                        Duration.ofMinutes(1), 100, RetryPolicy.DEFAULT, false));
    }

    private static String row(String scenario, String backoff, RecoverySimulation.Outcome o) {
        long p99 = o.syncedAfterRecovery(0.99);
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %d |%n", scenario, backoff,
                o.dead() == o.syncedAt().length ? "none synced" : seconds(o.lastSyncedAfterRecovery()),
                p99 < 0 ? "never" : seconds(p99), o.totalCalls(), o.callsAfterRecovery(),
                java.util.Arrays.stream(o.busyPerSecond()).sum(), o.dead());
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
    }
}
