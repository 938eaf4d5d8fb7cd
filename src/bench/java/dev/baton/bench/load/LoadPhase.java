package dev.baton.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** A fixed number of workers repeating one scenario for a fixed time; latencies per operation. */
final class LoadPhase {

    /** One iteration of a scenario by worker {@code worker}. */
    interface Iteration {
        void run(Latencies into, int worker) throws Exception;
    }

    /**
     * What a phase did.
     *
     * @param name       the phase
     * @param seconds    how long it ran
     * @param iterations scenario iterations completed
     * @param latencies  per operation
     * @param calls      the AWS calls counted in the functions meanwhile
     */
    record Result(String name, double seconds, long iterations, Latencies latencies, Map<String, CallLog.Tally> calls) {
    }

    private LoadPhase() {
    }

    static Result run(String name, int concurrency, Duration duration, CallLog log, Iteration iteration)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong iterations = new AtomicLong();
        Map<String, CallLog.Tally> before = log == null ? Map.of() : log.snapshot();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w + 1;
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    iteration.run(latencies, worker);
                    iterations.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (log != null) {
            log.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
        }
        return new Result(name, seconds, iterations.get(), latencies, log == null ? Map.of() : log.since(before));
    }
}
