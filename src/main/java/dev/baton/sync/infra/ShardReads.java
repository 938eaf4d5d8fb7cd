package dev.baton.sync.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads of several index shards at once, at most {@value #PARALLELISM} in flight: the scatter of the sharded
 * listing and sweep. A plain bounded pool of daemon threads over the synchronous DynamoDB client (which is
 * thread-safe), so no async client or event loop is added; the threads start on first use and end after a minute
 * idle. A failed read fails the whole gather with its own exception, and the reads not yet started are cancelled.
 */
final class ShardReads {

    /** Reads in flight at once: enough to hide round trips, few enough not to crowd a small Lambda's connections. */
    static final int PARALLELISM = 8;

    private static final ExecutorService POOL = pool();

    private ShardReads() {
    }

    /** {@code read(0)} … {@code read(n - 1)}, run in parallel; their results (null allowed) in index order. */
    static <T> List<T> all(int n, IntFunction<T> read) {
        if (n == 1) { // no hand-over to another thread for a single read
            List<T> one = new ArrayList<>(1);
            one.add(read.apply(0));
            return one;
        }
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(POOL.submit(() -> read.apply(index)));
        }
        List<T> results = new ArrayList<>(n);
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading index shards", e);
        }
    }

    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLELISM, PARALLELISM, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "baton-shard-read-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
