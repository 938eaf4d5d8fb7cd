package dev.baton.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dollars per million operations from the measured calls, capacity units and durations, at AWS's published
 * on-demand prices for us-east-1 (see {@link Prices}). Free tiers and savings plans are ignored; storage, logs
 * and data transfer are not included.
 */
final class CostModel {

    /**
     * Published on-demand prices, us-east-1, as listed on the services' pricing pages in 2025 (and unchanged as
     * of 2026-11 to the author's knowledge; not fetched live by the harness): aws.amazon.com/lambda/pricing,
     * /dynamodb/pricing/on-demand, /sqs/pricing, /api-gateway/pricing, /step-functions/pricing.
     */
    static final class Prices {
        /** Lambda arm64 duration, first tier (7.5 billion GB-s a month). */
        static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
        /** Lambda requests: $0.20 per million. */
        static final double LAMBDA_REQUEST = 0.20 / 1e6;
        /** DynamoDB on-demand write request unit: $0.625 per million (since the November 2024 price cut). */
        static final double DYNAMO_WRITE_UNIT = 0.625 / 1e6;
        /** DynamoDB on-demand read request unit: $0.125 per million. */
        static final double DYNAMO_READ_UNIT = 0.125 / 1e6;
        /** SQS standard queue requests, per 64 KB chunk: $0.40 per million. */
        static final double SQS_REQUEST = 0.40 / 1e6;
        /** API Gateway HTTP API requests, first 300 million a month: $1.00 per million. */
        static final double HTTP_API_REQUEST = 1.00 / 1e6;
        /** Step Functions Standard state transitions: $0.025 per 1,000. */
        static final double SFN_TRANSITION = 0.025 / 1e3;

        private Prices() {
        }
    }

    /** {@code MemorySize} in template.yaml's {@code Globals.Function}. */
    static final double MEMORY_GB = 1024 / 1024.0;

    /**
     * One priced unit of work.
     *
     * @param name        what it is
     * @param apiRequests HTTP API requests
     * @param invocations Lambda invocations
     * @param gbSeconds   Lambda GB-seconds
     * @param readUnits   DynamoDB read request units
     * @param writeUnits  DynamoDB write request units
     * @param sqsRequests SQS requests
     * @param transitions Step Functions Standard state transitions
     */
    record Line(String name, double apiRequests, double invocations, double gbSeconds, double readUnits,
                double writeUnits, double sqsRequests, double transitions) {

        static Line of(String name, OpCost op, boolean viaApi) {
            return new Line(name, viaApi ? 1 : 0, 1, op.p50Millis() / 1000 * MEMORY_GB, op.readUnits(),
                    op.writeUnits(), op.sqsCalls(), 0);
        }

        Line plus(String newName, Line o) {
            return new Line(newName, apiRequests + o.apiRequests, invocations + o.invocations,
                    gbSeconds + o.gbSeconds, readUnits + o.readUnits, writeUnits + o.writeUnits,
                    sqsRequests + o.sqsRequests, transitions + o.transitions);
        }

        Line times(String newName, double k) {
            return new Line(newName, apiRequests * k, invocations * k, gbSeconds * k, readUnits * k, writeUnits * k,
                    sqsRequests * k, transitions * k);
        }

        double apiDollars() {
            return apiRequests * Prices.HTTP_API_REQUEST;
        }

        double lambdaDollars() {
            return invocations * Prices.LAMBDA_REQUEST + gbSeconds * Prices.LAMBDA_ARM_GB_SECOND;
        }

        double dynamoDollars() {
            return readUnits * Prices.DYNAMO_READ_UNIT + writeUnits * Prices.DYNAMO_WRITE_UNIT;
        }

        double sqsDollars() {
            return sqsRequests * Prices.SQS_REQUEST;
        }

        double sfnDollars() {
            return transitions * Prices.SFN_TRANSITION;
        }

        double dollars() {
            return apiDollars() + lambdaDollars() + dynamoDollars() + sqsDollars() + sfnDollars();
        }
    }

    private CostModel() {
    }

    /** The priced lines, from the per-operation counts of {@link Accounting}. */
    static List<Line> lines(List<OpCost> costs) {
        Map<String, OpCost> op = costs.stream().collect(Collectors.toMap(OpCost::op, Function.identity()));
        List<Line> lines = new ArrayList<>();
        Line handoff = Line.of("handoff (the takeover call)", op.get("handoff"), true);
        lines.add(handoff);
        lines.add(Line.of("", op.get("order start"), true).plus("", Line.of("", op.get("node complete"), true)
                .times("", 3)).plus("handoff journey (start + 3 steps + takeover)", handoff));
        Line synced = Line.of("sync, SYNCED at once", op.get("sync → SYNCED"), true);
        lines.add(synced);
        // the event source mapping receives and deletes each message: two more SQS requests (at low load one
        // message per receive and per invocation; batches of up to 10 share both under load)
        Line pending = Line.of("", op.get("sync → ASYNC_PENDING"), true);
        Line retry = Line.of("", op.get("retry attempt"), false).plus("", new Line("", 0, 0, 0, 0, 0, 2, 0));
        lines.add(pending.plus("sync needing one async retry (202, then the worker)", retry));
        lines.add(new Line("", 0, 0, 0, 0, 0, 0, 0).plus("the retry alone in Baton (worker + queue)", retry));
        // a Standard workflow doing the same: the order's Task state, then its one Retry (Lambda not included)
        lines.add(new Line("the same order in Step Functions Standard: Task + 1 Retry (2 transitions)", 0, 0, 0, 0,
                0, 0, 2));
        return lines;
    }

    /** The table, dollars per million. */
    static String markdown(List<Line> lines) {
        StringBuilder out = new StringBuilder("| per million | HTTP API | Lambda | DynamoDB | SQS | Step Functions "
                + "| total |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Line l : lines) {
            out.append("| ").append(l.name()).append(" | ").append(usd(l.apiDollars())).append(" | ")
                    .append(usd(l.lambdaDollars())).append(" | ").append(usd(l.dynamoDollars())).append(" | ")
                    .append(usd(l.sqsDollars())).append(" | ").append(usd(l.sfnDollars())).append(" | **")
                    .append(usd(l.dollars())).append("** |\n");
        }
        return out.toString();
    }

    private static String usd(double perOperation) {
        double perMillion = perOperation * 1e6;
        return perMillion == 0 ? "—" : String.format(java.util.Locale.ROOT, "$%.2f", perMillion);
    }
}
