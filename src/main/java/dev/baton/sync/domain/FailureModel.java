package dev.baton.sync.domain;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small multinomial logistic regression over {@link FailureFeatures}: the second opinion {@link FailureClassifier}
 * asks when no rule matches. Trained deterministically (fixed case order, no randomness) by gradient descent with
 * L2 regularisation on binary features scaled to unit length, so a long gateway page weighs as much as a short
 * code. Only features seen in at least {@value #MIN_CASES} training cases form the vocabulary: anything else —
 * a name, an address, any other customer text — is ignored, and explanations only ever name corpus n-grams.
 * Immutable and thread-safe once trained.
 *
 * <p>The shipped model is trained by the build, not at run time: {@code sync.infra.FailureModelTrainer} trains it
 * from the corpus's training split at {@code process-classes} and writes its weights ({@link #writeTo}) to the
 * classpath resource {@value #RESOURCE}, which {@link #shipped()} reads once. The corpus itself does not ship.
 */
public final class FailureModel {

    private static final int MIN_CASES = 2;
    private static final int EPOCHS = 120;
    private static final double LEARNING_RATE = 2.0;
    private static final double L2 = 1e-4;
    private static final Category[] CLASSES = Category.values();

    private final Map<String, Integer> vocabulary;
    private final GramIndex grams; // the message n-grams of the vocabulary, by packed key
    private final String[] names;
    private final double[][] weights; // [class][feature]
    private final double[] bias;

    private FailureModel(Map<String, Integer> vocabulary, double[][] weights, double[] bias) {
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.names = new String[vocabulary.size()];
        vocabulary.forEach((name, index) -> names[index] = name);
        this.grams = new GramIndex(vocabulary);
    }

    /** The classpath resource holding the shipped model's weights, written by the build. */
    public static final String RESOURCE = "/failure-model.bin";

    private static final int FORMAT = 0x42464D31; // "BFM1"

    /** The model the build trained from the corpus's training split, read from {@value #RESOURCE}. */
    public static FailureModel shipped() {
        return Shipped.MODEL;
    }

    /**
     * Holder idiom: the JVM reads the shipped weights once, thread-safely, when the class is initialised (at
     * start-up when {@code SyncModelWarmup} touches it, so a SnapStart snapshot already holds the model).
     */
    private static final class Shipped {
        static final FailureModel MODEL = readShipped();

        private static FailureModel readShipped() {
            try (InputStream in = FailureModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("failure model " + RESOURCE + " is missing: the build's "
                            + "process-classes phase writes it (./mvnw process-classes)");
                }
                return readFrom(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read failure model " + RESOURCE, e);
            }
        }
    }

    /**
     * Writes this model's vocabulary and weights, exactly (doubles bit for bit, features in index order), so that
     * {@link #readFrom} gives a model that answers exactly as this one and equal models write equal bytes.
     */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(CLASSES.length);
        data.writeInt(names.length);
        for (int k = 0; k < CLASSES.length; k++) {
            data.writeUTF(CLASSES[k].name());
            data.writeDouble(bias[k]);
        }
        for (int f = 0; f < names.length; f++) {
            data.writeUTF(names[f]);
            for (double[] classWeights : weights) {
                data.writeDouble(classWeights[f]);
            }
        }
        data.flush();
    }

    /**
     * A model as {@link #writeTo} wrote it.
     *
     * @throws IOException when the data is cut short or was written for other categories or another format
     */
    public static FailureModel readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT || data.readInt() != CLASSES.length) {
            throw new IOException("not a failure model of this version");
        }
        int size = data.readInt();
        double[] b = new double[CLASSES.length];
        for (int k = 0; k < CLASSES.length; k++) {
            if (!data.readUTF().equals(CLASSES[k].name())) {
                throw new IOException("the failure model was trained for other categories");
            }
            b[k] = data.readDouble();
        }
        Map<String, Integer> vocabulary = new HashMap<>(size * 2);
        double[][] w = new double[CLASSES.length][size];
        for (int f = 0; f < size; f++) {
            vocabulary.put(data.readUTF(), f);
            for (double[] classWeights : w) {
                classWeights[f] = data.readDouble();
            }
        }
        return new FailureModel(Map.copyOf(vocabulary), w, b);
    }

    /**
     * A model trained from {@code cases}; deterministic for a given list.
     *
     * @param cases labelled failures; not empty
     */
    public static FailureModel train(List<FailureCorpus.Case> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a model needs training cases");
        }
        List<Set<String>> featureSets = cases.stream().map(c -> FailureFeatures.of(c.failure())).toList();
        Map<String, Integer> vocabulary = vocabulary(featureSets);
        int[][] x = new int[cases.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = featureSets.get(i).stream().map(vocabulary::get).filter(f -> f != null).mapToInt(Integer::intValue)
                    .sorted().toArray();
        }
        double[][] w = new double[CLASSES.length][vocabulary.size()];
        double[] b = new double[CLASSES.length];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double rate = LEARNING_RATE / (1 + epoch * 0.1);
            for (int i = 0; i < x.length; i++) {
                step(w, b, x[i], cases.get(i).expected().ordinal(), rate);
            }
        }
        return new FailureModel(vocabulary, w, b);
    }

    /**
     * What this model proposes for the async decision on {@code failure}: when the two final categories together
     * are at least {@code finalThreshold} probable, the likelier of them, with that joint probability as its
     * confidence and the features that favour it over the likeliest async category; otherwise the likeliest async
     * category ({@code TRANSIENT}, {@code THROTTLED} or {@code UNKNOWN}) with its own probability. The decision
     * that costs most when wrong — final or async — is what the confidence measures.
     */
    public ModelVerdict proposeDecision(Failure failure, double finalThreshold) {
        return decide(failure, finalThreshold).verdict();
    }

    /**
     * {@link #proposeDecision}'s verdict with the probability of the two final categories together, which
     * {@link FailureClassifier} also compares with its review threshold.
     */
    record Decision(ModelVerdict verdict, double finalProbability) {
    }

    /** {@link #proposeDecision}, with the final categories' joint probability. */
    Decision decide(Failure failure, double finalThreshold) {
        int[] x = indices(failure);
        double[] p = probabilities(weights, bias, x);
        int invalid = Category.INVALID_DATA.ordinal();
        int rejected = Category.REJECTED.ordinal();
        int async = Category.TRANSIENT.ordinal();
        for (Category c : List.of(Category.THROTTLED, Category.UNKNOWN)) {
            async = p[c.ordinal()] > p[async] ? c.ordinal() : async;
        }
        double finalMass = p[invalid] + p[rejected];
        if (finalMass >= finalThreshold) {
            int best = p[rejected] > p[invalid] ? rejected : invalid;
            return new Decision(new ModelVerdict(CLASSES[best], Math.min(1, finalMass), strongest(x, best, async)),
                    finalMass);
        }
        int second = p[invalid] >= p[rejected] ? invalid : rejected;
        for (int k = 0; k < p.length; k++) {
            second = k != async && p[k] > p[second] ? k : second;
        }
        return new Decision(new ModelVerdict(CLASSES[async], p[async], strongest(x, async, second)), finalMass);
    }

    /** What this model proposes for {@code failure}, with its confidence and the features that weighed most. */
    public ModelVerdict propose(Failure failure) {
        int[] x = indices(failure);
        double[] p = probabilities(weights, bias, x);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        int second = best == 0 ? 1 : 0;
        for (int k = 0; k < p.length; k++) {
            second = k != best && p[k] > p[second] ? k : second;
        }
        return new ModelVerdict(CLASSES[best], p[best], strongest(x, best, second));
    }

    /**
     * The vocabulary indices of {@code failure}'s features, each once and in ascending order: the set
     * {@link FailureFeatures#of} gives, looked up in the vocabulary without creating a string per n-gram.
     */
    private int[] indices(Failure failure) {
        long[] seen = new long[(names.length + 63) / 64];
        for (String feature : FailureFeatures.framing(failure)) {
            mark(seen, vocabulary.getOrDefault(feature, -1));
        }
        String text = FailureFeatures.gramText(failure);
        if (text != null) {
            FailureFeatures.forEachGram(text, (from, to) -> mark(seen, grams.get(FailureFeatures.key(text, from, to))));
            FailureFeatures.forEachWord(text, word -> mark(seen, vocabulary.getOrDefault(word, -1)));
            FailureFeatures.forEachConcept(text, concept -> mark(seen, vocabulary.getOrDefault(concept, -1)));
        }
        int count = 0;
        for (long word : seen) {
            count += Long.bitCount(word);
        }
        int[] x = new int[count];
        int n = 0;
        for (int w = 0; w < seen.length; w++) {
            for (long word = seen[w]; word != 0; word &= word - 1) {
                x[n++] = w * 64 + Long.numberOfTrailingZeros(word);
            }
        }
        return x;
    }

    private static void mark(long[] seen, int index) {
        if (index >= 0) {
            seen[index >>> 6] |= 1L << index;
        }
    }

    /** The features of {@code failure} this model knows, as its hot path finds them (for tests). */
    Set<String> knownFeatures(Failure failure) {
        return Arrays.stream(indices(failure)).mapToObj(f -> names[f]).collect(Collectors.toSet());
    }

    /** Whether the model knows {@code feature}. */
    boolean knows(String feature) {
        return vocabulary.containsKey(feature);
    }

    /** How many features the model knows. */
    public int vocabularySize() {
        return names.length;
    }

    /** The (at most three) present features whose weights favour {@code best} over {@code second} most. */
    private List<String> strongest(int[] x, int best, int second) {
        int[] top = {-1, -1, -1};
        for (int f : x) {
            double margin = weights[best][f] - weights[second][f];
            for (int slot = 0; slot < top.length && margin > 0; slot++) {
                if (top[slot] < 0 || margin > weights[best][top[slot]] - weights[second][top[slot]]) {
                    System.arraycopy(top, slot, top, slot + 1, top.length - slot - 1);
                    top[slot] = f;
                    break;
                }
            }
        }
        List<String> names = new ArrayList<>(3);
        for (int f : top) {
            if (f >= 0) {
                names.add(this.names[f]);
            }
        }
        return names;
    }

    private static void step(double[][] w, double[] b, int[] x, int label, double rate) {
        double[] p = probabilities(w, b, x);
        double scale = scale(x);
        for (int k = 0; k < w.length; k++) {
            double gradient = p[k] - (k == label ? 1 : 0);
            b[k] -= rate * gradient;
            for (int f : x) {
                w[k][f] -= rate * (gradient * scale + L2 * w[k][f]);
            }
        }
    }

    private static double[] probabilities(double[][] w, double[] b, int[] x) {
        double scale = scale(x);
        double[] z = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double sum = b[k];
            for (int f : x) {
                sum += w[k][f] * scale;
            }
            z[k] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = StrictMath.exp(z[k] - max); // strict: the same weights on every JVM, JIT or not
            total += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= total;
        }
        return z;
    }

    /** Binary features scaled to unit length. */
    private static double scale(int[] x) {
        return x.length == 0 ? 0 : 1 / Math.sqrt(x.length);
    }

    private static Map<String, Integer> vocabulary(List<Set<String>> featureSets) {
        Map<String, Integer> counts = new HashMap<>();
        featureSets.forEach(set -> set.forEach(f -> counts.merge(f, 1, Integer::sum)));
        Map<String, Integer> vocabulary = new HashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CASES).map(Map.Entry::getKey).sorted()
                .forEach(f -> vocabulary.put(f, vocabulary.size()));
        return Map.copyOf(vocabulary);
    }
}
