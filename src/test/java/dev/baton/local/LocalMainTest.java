package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Two local stacks side by side (one JVM, one native) each unpack their zip into a folder of their own: with one
 * shared folder the JVM stack found the native stack's {@code bootstrap} there and ran it, saying nothing.
 */
class LocalMainTest {

    @Test
    void everyPortHasItsOwnFunctionFolder() {
        assertThat(LocalMain.functionDir(Map.of("BATON_PORT", "18080")))
                .isEqualTo(Path.of("target", "local-function-18080"));
        assertThat(LocalMain.functionDir(Map.of("BATON_PORT", "19080")))
                .isNotEqualTo(LocalMain.functionDir(Map.of("BATON_PORT", "18080")));
        assertThat(LocalMain.functionDir(Map.of())).isEqualTo(Path.of("target", "local-function-8080"));
    }

    @Test
    void anExplicitFolderWins_andAPortThatIsNotOneIsNotPartOfAPath() {
        assertThat(LocalMain.functionDir(Map.of("BATON_FUNCTION_DIR", "/tmp/f", "BATON_PORT", "1")))
                .isEqualTo(Path.of("/tmp/f"));
        assertThat(LocalMain.functionDir(Map.of("BATON_PORT", "../../etc")))
                .isEqualTo(Path.of("target", "local-function-8080"));
    }
}
