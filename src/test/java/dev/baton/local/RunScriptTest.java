package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code infra/local/run.sh} on a port that is taken: one line and exit status 2, before any build, no hang. */
class RunScriptTest {

    @Test
    void aTakenPort_isOneLine_andExitStatus2_beforeAnyBuild() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            // given
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ProcessBuilder run = new ProcessBuilder("bash", "infra/local/run.sh");
            run.environment().put("BATON_PORT", Integer.toString(taken.getLocalPort()));
            run.environment().put("BATON_INSURER_PORT", "0");
            // when
            Process process = run.start();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            // then
            assertThat(exited).as("run.sh exits instead of hanging").isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(err).isEqualTo("run.sh: port " + taken.getLocalPort() + " (BATON_PORT) is already in use: "
                    + "stop what listens there or set BATON_PORT to a free port.\n");
            assertThat(out).as("nothing was built").isEmpty();
        }
    }
}
