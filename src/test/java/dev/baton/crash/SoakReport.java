package dev.baton.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.baton.local.InsurerLedger;

/**
 * The soak's verdict per order, from Baton's sync states and the insurer's ledger:
 * lost — Baton never took the order, or its answer disagrees with the insurer (SYNCED with nothing accepted, or
 * ended otherwise although the insurer accepted it); duplicated — more than one key accepted for the order;
 * stuck — still SYNCING or ASYNC_PENDING when the drain limit passed.
 */
record SoakReport(int orders, int kills, List<String> lost, List<String> duplicated, List<String> stuck,
                  Map<String, Integer> states, Duration drain, int clientRetries, int insurerCalls, int accepted) {

    static SoakReport of(Map<String, String> states, InsurerLedger ledger, int kills, Duration drain,
                         int clientRetries) {
        Map<String, Integer> histogram = new TreeMap<>();
        states.values().forEach(s -> histogram.merge(s, 1, Integer::sum));
        List<String> lost = states.entrySet().stream().filter(e -> isLost(e.getValue(),
                ledger.acceptedKeys(e.getKey()))).map(Map.Entry::getKey).toList();
        List<String> duplicated = states.keySet().stream().filter(id -> ledger.acceptedKeys(id).size() > 1).toList();
        List<String> stuck = states.entrySet().stream().filter(e -> Set.of("SYNCING", "ASYNC_PENDING")
                .contains(e.getValue())).map(Map.Entry::getKey).toList();
        return new SoakReport(states.size(), kills, lost, duplicated, stuck, histogram, drain, clientRetries,
                ledger.calls(), ledger.accepted());
    }

    private static boolean isLost(String state, Set<String> acceptedKeys) {
        return switch (state) {
            case "SYNCED" -> acceptedKeys.isEmpty();
            case "SYNCING", "ASYNC_PENDING" -> false; // stuck, counted there
            default -> !BatonClient.FINAL.contains(state) || !acceptedKeys.isEmpty();
        };
    }

    /** The report as text, with the command that produced it. */
    String text() {
        return Stream.of(
                "Baton soak: " + orders + " orders; the stack SIGKILLed and restarted " + kills + " times while the"
                        + " insurer cycled busy/down/slow/drip/up",
                "lost " + lost.size() + ", duplicated " + duplicated.size() + ", stuck " + stuck.size()
                        + "   (target 0/0/0)",
                "drain after the last restart: " + String.format("%.1f s", drain.toMillis() / 1000.0),
                "final sync states: " + states,
                "client re-syncs after the last restart (requests that never reached a claim): " + clientRetries,
                "insurer: " + insurerCalls + " submissions received, " + accepted + " idempotency keys accepted",
                lost.isEmpty() ? "" : "lost: " + lost,
                duplicated.isEmpty() ? "" : "duplicated: " + duplicated,
                stuck.isEmpty() ? "" : "stuck: " + stuck,
                "command: ./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT"
                        + " [-Dbaton.soak.orders=N -Dbaton.soak.kills=K -Dbaton.soak.phase-seconds=S]")
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Writes {@link #text()} to {@code file} and prints it. */
    void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text());
        System.out.println(text());
    }
}
