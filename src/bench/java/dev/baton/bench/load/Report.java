package dev.baton.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** The harness's Markdown tables. */
final class Report {

    private Report() {
    }

    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** Calls and capacity per operation, with the targets. */
    static String accounting(List<OpCost> costs) {
        StringBuilder out = new StringBuilder("| operation | function | counted | AWS calls per operation "
                + "| read units | write units | of which indexes | downstream calls | p50 ms (concurrency 1) |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (OpCost c : costs) {
            out.append("| ").append(c.op()).append(" | ").append(c.function()).append(" | ").append(c.samples())
                    .append(" | ").append(c.callsText()).append(" | ").append(num(c.readUnits())).append(" | ")
                    .append(num(c.writeUnits())).append(" | ").append(num(c.indexUnits())).append(" | ")
                    .append(num(c.downstream())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", c.p50Millis())).append(" |\n");
        }
        return out.toString();
    }

    /** Throughput and latency percentiles per operation of each phase. */
    static String phases(List<LoadPhase.Result> results, int concurrency) {
        StringBuilder out = new StringBuilder("| phase | operation | count | ops/s | p50 ms | p90 ms | p99 ms "
                + "| max ms | errors |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (LoadPhase.Result r : results) {
            for (Map.Entry<String, Histogram> e : r.latencies().histograms().entrySet()) {
                Histogram h = e.getValue();
                out.append("| ").append(r.name()).append(" (").append(concurrency).append(" workers, ")
                        .append(String.format(Locale.ROOT, "%.0f", r.seconds())).append(" s) | ").append(e.getKey())
                        .append(" | ").append(h.getTotalCount()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", h.getTotalCount() / r.seconds())).append(" | ")
                        .append(ms(h.getValueAtPercentile(50))).append(" | ").append(ms(h.getValueAtPercentile(90)))
                        .append(" | ").append(ms(h.getValueAtPercentile(99))).append(" | ").append(ms(h.getMaxValue()))
                        .append(" | ").append(r.latencies().errors(e.getKey())).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The AWS calls counted during each phase, per scenario iteration (a cross-check of the accounting). */
    static String phaseCalls(List<LoadPhase.Result> results) {
        StringBuilder out = new StringBuilder("| phase | iterations | per iteration: function AWS calls "
                + "(read / write units) |\n| --- | --- | --- |\n");
        for (LoadPhase.Result r : results) {
            StringBuilder calls = new StringBuilder();
            r.calls().forEach((k, t) -> calls.append(calls.length() == 0 ? "" : "; ").append(k).append(" ")
                    .append(num(round(t.calls() / (double) r.iterations()))).append(" (")
                    .append(num(round(t.read() / r.iterations()))).append(" / ")
                    .append(num(round(t.write() / r.iterations()))).append(")"));
            out.append("| ").append(r.name()).append(" | ").append(r.iterations()).append(" | ")
                    .append(calls.length() == 0 ? "not counted" : calls).append(" |\n");
        }
        return out.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
