package dev.baton.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Latency histograms per operation (microseconds, 3 significant digits), and error counts. */
final class Latencies {

    private final Map<String, Histogram> histograms = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();

    /** Records one answered call of {@code op}; {@code ok} false counts it as an error too. */
    synchronized void record(String op, long nanos, boolean ok) {
        histograms.computeIfAbsent(op, k -> new Histogram(TimeUnit.MINUTES.toMicros(2), 3))
                .recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(2)));
        if (!ok) {
            errors.merge(op, 1L, Long::sum);
        }
    }

    synchronized Map<String, Histogram> histograms() {
        return new TreeMap<>(histograms);
    }

    synchronized long errors(String op) {
        return errors.getOrDefault(op, 0L);
    }

    synchronized long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The median of {@code op} in milliseconds, or 0 if it never ran. */
    synchronized double p50Millis(String op) {
        Histogram h = histograms.get(op);
        return h == null ? 0 : h.getValueAtPercentile(50) / 1000.0;
    }
}
