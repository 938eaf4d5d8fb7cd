package dev.baton.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.baton.local.LocalInsurer;

/**
 * A few hundred orders through an insurer that cycles busy, down, slow, dripping and up while the whole stack is
 * SIGKILLed and restarted several times; then the insurer stays up until every order is final. Counts lost,
 * duplicated and stuck orders (target 0/0/0) and the drain time after the last restart, writes them to
 * {@code target/soak-report.txt}. Bounded to a few minutes by default; {@code -Dbaton.soak.orders},
 * {@code -Dbaton.soak.kills} and {@code -Dbaton.soak.phase-seconds} make a longer manual run.
 */
class SoakIT {

    static final int ORDERS = Integer.getInteger("baton.soak.orders", 200);
    static final int KILLS = Integer.getInteger("baton.soak.kills", 4);
    /** How long the insurer stays in one mode. */
    static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("baton.soak.phase-seconds", 3));
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(Integer.getInteger("baton.soak.drain-seconds", 240));
    /** Slow answers outlast the downstream timeout; a dripping body takes ~6 s in all. */
    static final List<String> MODES = List.of("busy", "down", "slow 2500", "drip 100", "up");

    @Test
    void killsAndAHostileInsurer_loseNothing_duplicateNothing_strandNothing() throws Exception {
        try (LocalInsurer insurer = new LocalInsurer(0);
             Scenario s = Scenario.start("soak", null, insurer, 1500, 100, ORDERS)) {
            // given every order asked to sync, in one wave per life of the stack
            Random random = new Random(12);
            List<List<String>> waves = waves(s.orders, KILLS);
            for (int life = 0; life < KILLS; life++) {
                waves.get(life).forEach(id -> s.baton.syncInBackground(id, Scenario.DOWNSTREAM));
                // when the insurer misbehaves in every way in turn, and the stack is killed at a random moment
                cycleInsurer(insurer, random);
                s.stack.restart(null);
            }
            insurer.mode("up");
            long lastRestart = System.nanoTime();

            // and the clients whose requests died before a claim ask again (a NOT_SYNCED order was never taken)
            int retried = 0;
            for (Map.Entry<String, String> e : s.baton.syncStates(s.orders).entrySet()) {
                if ("NOT_SYNCED".equals(e.getValue())) {
                    s.baton.sync(e.getKey(), Scenario.DOWNSTREAM);
                    retried++;
                }
            }
            Map<String, String> states = s.baton.awaitFinal(s.orders, DRAIN_LIMIT);
            Duration drain = Duration.ofNanos(System.nanoTime() - lastRestart);

            // then
            SoakReport report = SoakReport.of(states, insurer.ledger(), KILLS, drain, retried);
            report.write(Path.of("target", "soak-report.txt"));
            assertThat(report.lost()).as("lost orders").isEmpty();
            assertThat(report.duplicated()).as("orders with more than one accepted submission").isEmpty();
            assertThat(report.stuck()).as("stuck orders").isEmpty();
        }
    }

    /** Runs the insurer through every mode once, starting at a random one, then cuts the last phase short. */
    private static void cycleInsurer(LocalInsurer insurer, Random random) throws Exception {
        int first = random.nextInt(MODES.size());
        for (int i = 0; i < MODES.size(); i++) {
            insurer.mode(MODES.get((first + i) % MODES.size()));
            // the insurer's phase length is the soak's load pattern, not a wait for a condition
            long phase = i == MODES.size() - 1 ? random.nextLong(PHASE.toMillis()) : PHASE.toMillis();
            Thread.sleep(phase);
        }
    }

    /** The orders in {@code count} waves of about equal size. */
    private static List<List<String>> waves(List<String> orders, int count) {
        List<List<String>> waves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waves.add(orders.subList(i * orders.size() / count, (i + 1) * orders.size() / count));
        }
        return waves;
    }
}
