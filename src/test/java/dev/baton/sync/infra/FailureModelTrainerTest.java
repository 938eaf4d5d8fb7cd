package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build trains the model again only when the corpus or the classes that train it changed after the weights. */
class FailureModelTrainerTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-12-03T12:00:00Z");

    private Path file(String name, Instant modified) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /**
     * Whether weights written {@link #now} are up to date with a corpus and the domain's classes last modified at the
     * given times.
     */
    private boolean upToDate(Instant corpusModified, Instant... classesModified) throws Exception {
        Path corpus = file("corpus.csv", corpusModified);
        for (int i = 0; i < classesModified.length; i++) {
            file("classes/domain/Class" + i + ".class", classesModified[i]);
        }
        Path weights = file("classes/failure-model.bin", now);
        return FailureModelTrainer.upToDate(weights, List.of(corpus, dir.resolve("classes/domain")));
    }

    @Test
    void weightsWrittenAfterTheCorpusAndTheClasses_areKept() throws Exception {
        assertThat(upToDate(now.minusSeconds(60), now.minusSeconds(30))).isTrue();
    }

    @Test
    void aCorpusChangedAfterTheWeights_trainsAgain() throws Exception {
        assertThat(upToDate(now.plusSeconds(1), now.minusSeconds(30))).isFalse();
    }

    @Test
    void aRecompiledClass_trainsAgain() throws Exception {
        assertThat(upToDate(now.minusSeconds(60), now.minusSeconds(30), now.plusSeconds(5))).isFalse();
    }

    @Test
    void noWeightsYet_orNoCorpus_trains() throws Exception {
        Path corpus = file("corpus.csv", now.minusSeconds(60));
        assertThat(FailureModelTrainer.upToDate(dir.resolve("classes/failure-model.bin"), List.of(corpus))).isFalse();
        Path weights = file("classes/failure-model.bin", now);
        assertThat(FailureModelTrainer.upToDate(weights, List.of(dir.resolve("missing.csv")))).isFalse();
    }
}
