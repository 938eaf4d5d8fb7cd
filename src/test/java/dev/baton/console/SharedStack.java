package dev.baton.console;

import java.nio.file.Path;
import java.util.Optional;

import dev.baton.local.LocalBaton;

/**
 * One local stack for all the console's browser tests in this JVM (starting one takes seconds): started by the
 * first test class that needs it, stopped with the JVM, so no function process outlives the test run.
 */
final class SharedStack {

    private static LocalBaton stack;

    private SharedStack() {
    }

    /** The build the console tests run: native with {@code BATON_NATIVE=1} in their environment, as for run.sh. */
    static Path functionZip() {
        return Path.of("1".equals(System.getenv("BATON_NATIVE")) ? "target/function-native.zip"
                : "target/function.zip");
    }

    static synchronized LocalBaton get() throws Exception {
        if (stack == null) {
            stack = LocalBaton.start(new LocalBaton.Settings(0, 0, null, LocalBaton.unpack(functionZip()), 3600,
                    Optional.empty(), false));
            LocalBaton started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "console-tests-stack-stop"));
        }
        return stack;
    }
}
