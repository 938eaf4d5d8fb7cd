package dev.baton.bench.load;

import java.util.List;
import java.util.Map;

/** Issue 8's call budgets, checked against the counts (reported, never asserted on timing). */
final class Targets {

    private Targets() {
    }

    static String check(List<OpCost> costs) {
        StringBuilder out = new StringBuilder();
        for (OpCost c : costs) {
            switch (c.op()) {
                case "handoff" -> out.append(line("a handoff ≤ 1 DynamoDB read + 1 write", c,
                        reads(c) <= 1 && writes(c) <= 1, Report.num(reads(c)) + " read(s) + " + Report.num(writes(c)) + " write(s)"));
                case "sync → SYNCED" -> out.append(line("a successful sync ≤ 2 DynamoDB calls + 1 downstream call",
                        c, c.dynamoCalls() <= 2 && c.downstream() <= 1, twoCalls(c)));
                case "retry attempt" -> out.append(line("a retry attempt ≤ 2 DynamoDB calls + 1 downstream call",
                        c, c.dynamoCalls() <= 2 && c.downstream() <= 1, twoCalls(c)));
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

    private static String twoCalls(OpCost c) {
        return Report.num(c.dynamoCalls()) + " DynamoDB + " + Report.num(c.downstream()) + " downstream";
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
