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
 * bytes; {@code ShippedModelTest} proves the shipped weights are what the corpus trains. When the weights are
 * newer than the corpus and the domain's classes ({@link #upToDate}), they are kept.
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
        Path corpus = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path out = classes.resolve(FailureModel.RESOURCE.substring(1));
        // the features and the training are the domain's classes; this class only reads and writes
        if (upToDate(out, List.of(corpus, classes.resolve("dev/baton/sync/domain")))) {
            System.out.printf("failure model: %s is newer than the corpus and the classes that train it, kept%n",
                    out);
            return;
        }
        List<FailureCorpus.Case> cases = FailureCorpus.parse(Files.readString(corpus));
        List<FailureCorpus.Case> training = cases.stream().filter(c -> !c.heldOut()).toList();
        FailureModel model = FailureModel.train(training);
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.writeTo(stream);
        }
        System.out.printf("failure model: %d features trained from %d of %d corpus cases, written to %s%n",
                model.vocabularySize(), training.size(), cases.size(), out);
    }

    /**
     * Whether {@code out} exists and was written after every file of {@code inputs} (files, or directories walked)
     * last changed: then training again would write the same bytes, and every Maven run that does not change the
     * corpus or the model's code skips the few seconds it takes. A changed source recompiles the module, so the
     * domain's class files are newer then and the model is trained again.
     */
    static boolean upToDate(Path out, List<Path> inputs) throws IOException {
        if (!Files.isRegularFile(out)) {
            return false;
        }
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(out);
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                return false;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(input)) {
                boolean newer = files.filter(Files::isRegularFile).anyMatch(file -> {
                    try {
                        return Files.getLastModifiedTime(file).compareTo(written) >= 0;
                    } catch (IOException e) {
                        return true;
                    }
                });
                if (newer) {
                    return false;
                }
            }
        }
        return true;
    }
}
