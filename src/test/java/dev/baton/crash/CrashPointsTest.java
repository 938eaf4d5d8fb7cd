package dev.baton.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.baton.shared.infra.CrashPoints;

/** The crash hook halts only where it is armed, and nothing deployed arms it. */
class CrashPointsTest {

    @Test
    void templateNeverArmsTheCrashHook() throws Exception {
        // given the SAM template every deployed function is configured from
        String template = Files.readString(Path.of("template.yaml"));

        // then no function (nor Globals) sets the variable, so every reach() is a no-op in function.zip
        assertThat(template).doesNotContain(CrashPoints.VARIABLE);
    }

    @Test
    void armedPoint_haltsTheJvmLikeSigkill_otherPointsPassThrough() throws Exception {
        // given a JVM armed at "sync.after-answer" that first reaches another point
        Process jvm = jvm("sync.after-answer");

        // when it runs
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then it passed the other point and halted at the armed one, before reaching the line after it
        assertThat(out).contains("passed sync.after-claim").contains(CrashPoints.MARKER + "sync.after-answer")
                .doesNotContain("not halted");
        assertThat(jvm.exitValue()).isEqualTo(137);
    }

    @Test
    void unarmed_reachIsANoOp() throws Exception {
        // given a JVM without the variable
        Process jvm = jvm(null);

        // when it runs, then it reaches every point and exits normally
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("not halted").doesNotContain(CrashPoints.MARKER);
        assertThat(jvm.exitValue()).isZero();
    }

    private static Process jvm(String armedAt) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Reacher.class.getName()))
                .redirectErrorStream(true);
        builder.environment().remove(CrashPoints.VARIABLE);
        if (armedAt != null) {
            builder.environment().put(CrashPoints.VARIABLE, armedAt);
        }
        return builder.start();
    }

    /** Reaches two points in the order of an attempt. */
    public static final class Reacher {
        public static void main(String[] args) {
            CrashPoints.reach("sync.after-claim");
            System.out.println("passed sync.after-claim");
            CrashPoints.reach("sync.after-answer");
            System.out.println("not halted");
        }
    }
}
