package dev.baton.shared.infra;

/**
 * Test-only fault injection for the crash-point suite: when the environment variable {@code BATON_CRASH_AT}
 * names a point, the process halts there as if killed ({@code kill -9}: no shutdown hooks, no finally
 * blocks). Unset in every deployed configuration (template.yaml never sets it; a test checks), so in
 * function.zip's normal configuration every call is a no-op.
 */
public final class CrashPoints {

    private static final String AT = System.getenv("BATON_CRASH_AT");

    private CrashPoints() {
    }

    /** Halts the process when {@code BATON_CRASH_AT} names {@code point}; otherwise does nothing. */
    public static void reach(String point) {
        if (AT != null && AT.equals(point)) {
            System.err.println("BATON-CRASH-POINT " + point);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
