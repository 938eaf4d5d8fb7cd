package dev.baton.shared.infra;

/**
 * A test-only fault hook: halts this JVM at a named point of a sync attempt, as a {@code kill -9} or a Lambda
 * timeout would, so the crash-point suite can prove that every order is recovered from any point.
 *
 * <p>It acts only when the environment variable {@value #VARIABLE} names the point reached. Nothing sets it in
 * {@code template.yaml} (a test checks), so in a deployed function every {@link #reach} is a no-op; the local
 * stack passes it through to its function processes when the suite starts the stack with it.
 *
 * <p>Points: {@code sync.after-claim}, {@code sync.after-answer}, {@code retry.after-claim},
 * {@code retry.after-answer}, {@code sweep.after-requeue} — each "after" a durable write or a downstream
 * answer and before the next step.
 */
public final class CrashPoints {

    /** The environment variable naming the point to halt at. */
    public static final String VARIABLE = "BATON_CRASH_AT";
    /** Printed on stderr just before the halt, so the suite knows the point was reached. */
    public static final String MARKER = "BATON-CRASH-POINT ";
    /** The exit status of a process killed by SIGKILL (128 + 9). */
    static final int KILLED = 137;

    private CrashPoints() {
    }

    /** Halts the JVM at once (no shutdown hooks, no finally blocks) when {@code point} is the armed point. */
    public static void reach(String point) {
        // A static hook rather than typed config: it must work identically in the sync, retry and sweep functions
        // without a bean in each call path, and it must never be set in production. Read on every call, never in a
        // static field: a native image may run static initialisers at build time, freezing the build's environment.
        if (point.equals(System.getenv(VARIABLE))) {
            System.err.println(MARKER + point);
            System.err.flush();
            Runtime.getRuntime().halt(KILLED);
        }
    }
}
