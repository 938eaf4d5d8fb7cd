package dev.baton.sync.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.baton.sync.domain.FailureCorpus;
import dev.baton.sync.domain.FailureModel;

/**
 * Trains the shipped {@link FailureModel} during the build (pom.xml runs it at {@code process-classes}, also with
 * {@code -DskipTests}): reads the labelled corpus, trains on its training split and writes the weights where
 * {@link FailureModel#shipped()} finds them. Training is deterministic, so the same corpus always writes the same
 * bytes; {@code ShippedModelTest} proves the shipped weights are what the corpus trains.
 */
public final class FailureModelTrainer {

    private FailureModelTrainer() {
    }

    /**
     * Trains and writes the model.
     *
     * @param args the corpus CSV file, then the classes directory the weights go into
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FailureModelTrainer CORPUS_CSV CLASSES_DIR");
        }
        List<FailureCorpus.Case> cases = FailureCorpus.parse(Files.readString(Path.of(args[0])));
        List<FailureCorpus.Case> training = cases.stream().filter(c -> !c.heldOut()).toList();
        FailureModel model = FailureModel.train(training);
        Path out = Path.of(args[1], FailureModel.RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.writeTo(stream);
        }
        System.out.printf("failure model: %d features trained from %d of %d corpus cases, written to %s%n",
                model.vocabularySize(), training.size(), cases.size(), out);
    }
}
