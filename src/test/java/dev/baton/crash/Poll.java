package dev.baton.crash;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded polling on a condition: the suite waits for states, never for fixed times. */
final class Poll {

    /** Between two looks at the condition; short, since each look is a cheap local call. */
    private static final long INTERVAL_MILLIS = 200;

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it does not within {@code limit}. */
    static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
