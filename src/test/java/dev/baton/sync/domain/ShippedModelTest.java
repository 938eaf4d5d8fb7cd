package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The model that ships is the build's training of the corpus, as data: the weights written at
 * {@code process-classes} are byte for byte what training the corpus's training split gives now, and the corpus
 * itself is not a resource of the artifact.
 */
class ShippedModelTest {

    @Test
    void shippedWeights_areExactlyWhatTrainingTheCorpusYields() throws IOException {
        // given the weights the build wrote into the classes directory
        byte[] shipped;
        try (InputStream in = FailureModel.class.getResourceAsStream(FailureModel.RESOURCE)) {
            assertNotNull(in, "the build writes " + FailureModel.RESOURCE);
            shipped = in.readAllBytes();
        }

        // when the corpus's training split is trained again, here
        byte[] trained = bytes(FailureModel.train(FailureCorpus.trainingSplit()));

        // then
        assertArrayEquals(trained, shipped, "the shipped weights are not what the corpus trains: rebuild");
    }

    @Test
    void readingWrittenWeights_givesAModelThatAnswersExactlyAsTheTrainedOne() throws IOException {
        // given
        FailureModel trained = FailureModel.train(FailureCorpus.trainingSplit());

        // when
        FailureModel read = FailureModel.readFrom(new ByteArrayInputStream(bytes(trained)));

        // then
        for (FailureCorpus.Case c : FailureCorpus.load()) {
            assertEquals(trained.propose(c.failure()), read.propose(c.failure()), "line " + c.line());
        }
        assertArrayEquals(bytes(trained), bytes(read));
    }

    @Test
    void weightsCutShort_areRefusedNotHalfRead() throws IOException {
        // given
        byte[] whole = bytes(FailureModel.shipped());

        // when / then
        assertThrows(IOException.class, () -> FailureModel.readFrom(new ByteArrayInputStream(
                Arrays.copyOf(whole, whole.length / 2))));
        assertThrows(IOException.class, () -> FailureModel.readFrom(new ByteArrayInputStream(new byte[16])));
    }

    @Test
    void theCorpus_isATestResource_notInTheClassesDirectoryThatShips() {
        // given the directory the build wrote the weights into: the one function.zip packages
        String weights = FailureModel.class.getResource(FailureModel.RESOURCE).toString();
        String classes = weights.substring(0, weights.length() - FailureModel.RESOURCE.length());

        // when
        String corpus = FailureCorpus.class.getResource(FailureCorpus.RESOURCE).toString();

        // then
        assertFalse(corpus.startsWith(classes + "/"), corpus + " would ship");
    }

    private static byte[] bytes(FailureModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }
}
