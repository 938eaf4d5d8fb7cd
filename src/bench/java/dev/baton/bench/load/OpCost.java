package dev.baton.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one operation costs on average, as counted inside the function that served it: AWS calls by
 * {@code Service.Operation}, DynamoDB read and write units, downstream calls, and its median latency at
 * concurrency 1 (the harness's round trip through the local gateway: an upper bound of the function's duration).
 *
 * @param op         the operation
 * @param function   the function that served it
 * @param samples    how many were counted
 * @param calls      AWS calls per operation, by {@code Service.Operation}
 * @param readUnits  DynamoDB read request units per operation
 * @param writeUnits DynamoDB write request units per operation
 * @param indexUnits of those units, what the secondary indexes took
 * @param downstream downstream calls per operation
 * @param p50Millis  median latency at concurrency 1
 */
record OpCost(String op, String function, long samples, Map<String, Double> calls, double readUnits,
              double writeUnits, double indexUnits, double downstream, double p50Millis) {

    /** From the {@link CallLog} counts of {@code samples} operations served by {@code function}. */
    static OpCost of(String op, String function, long samples, Map<String, CallLog.Tally> delta, double downstream,
                     double p50Millis) {
        Map<String, Double> calls = new TreeMap<>();
        double read = 0;
        double write = 0;
        double index = 0;
        for (Map.Entry<String, CallLog.Tally> e : delta.entrySet()) {
            if (e.getKey().startsWith(function + " ")) {
                calls.put(e.getKey().substring(function.length() + 1), e.getValue().calls() / (double) samples);
                read += e.getValue().read();
                write += e.getValue().write();
                index += e.getValue().index();
            }
        }
        return new OpCost(op, function, samples, calls, read / samples, write / samples, index / samples,
                downstream, p50Millis);
    }

    double dynamoCalls() {
        return sum("DynamoDb.");
    }

    double sqsCalls() {
        return sum("Sqs.");
    }

    private double sum(String prefix) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** e.g. {@code 1 GetItem + 1 PutItem}. */
    String callsText() {
        return calls.entrySet().stream().map(e -> Report.num(e.getValue()) + " " + e.getKey()
                .substring(e.getKey().indexOf('.') + 1)).collect(Collectors.joining(" + "));
    }
}
