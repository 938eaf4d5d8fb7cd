package dev.baton.bench.load;

import java.util.List;
import java.util.Map;

/**
 * The call and unit budgets, checked against the counts (reported, never asserted on timing): issue 8's handoff
 * (1 read + 1 write), issue 12's sync item (a sync reads the order and its sync state: 2 reads + 2 writes; a retry
 * 1 + 2) and issue 16's write units (a successful sync of a handed-off order ≤ 5, a retry attempt ≤ 5).
 */
final class Targets {

    private Targets() {
    }

    static String check(List<OpCost> costs) {
        StringBuilder out = new StringBuilder();
        for (OpCost c : costs) {
            switch (c.op()) {
                case "handoff" -> out.append(line("a handoff ≤ 1 DynamoDB read + 1 write", c,
                        reads(c) <= 1 && writes(c) <= 1, Report.num(reads(c)) + " read(s) + " + Report.num(writes(c)) + " write(s)"));
                case "sync → SYNCED" -> out.append(line("a successful sync ≤ 2 reads + 2 writes, ≤ 5 write units"
                        + " + 1 downstream call", c, reads(c) <= 2 && writes(c) <= 2 && c.writeUnits() <= 5
                        && c.downstream() <= 1, callsAndUnits(c)));
                case "retry attempt" -> out.append(line("a retry attempt ≤ 1 read + 2 writes, ≤ 5 write units"
                        + " + 1 downstream call", c, reads(c) <= 1 && writes(c) <= 2 && c.writeUnits() <= 5
                        && c.downstream() <= 1, callsAndUnits(c)));
                default -> {
                    // no budget for the other operations
                }
            }
        }
        return out.toString();
    }

    private static String line(String target, OpCost c, boolean met, String measured) {
        if (c.calls().isEmpty()) {
            return "- " + target + ": not counted (stack not started by the harness)\n";
        }
        return "- " + target + ": measured " + measured + " — **" + (met ? "met" : "NOT met") + "**\n";
    }

    private static String callsAndUnits(OpCost c) {
        return Report.num(reads(c)) + " read(s) + " + Report.num(writes(c)) + " write(s), " + Report.num(c.writeUnits())
                + " write units + " + Report.num(c.downstream()) + " downstream";
    }

    private static double reads(OpCost c) {
        return sum(c, "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
    }

    private static double writes(OpCost c) {
        return sum(c, "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");
    }

    private static double sum(OpCost c, String... operations) {
        double total = 0;
        for (Map.Entry<String, Double> e : c.calls().entrySet()) {
            for (String op : operations) {
                if (e.getKey().equals("DynamoDb." + op)) {
                    total += e.getValue();
                }
            }
        }
        return total;
    }
}
