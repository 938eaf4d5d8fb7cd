package dev.baton.sync.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small multinomial logistic regression over {@link FailureFeatures}: the second opinion {@link FailureClassifier}
 * asks when no rule matches. Trained deterministically (fixed case order, no randomness) by gradient descent with
 * L2 regularisation on binary features scaled to unit length, so a long gateway page weighs as much as a short
 * code. Only features seen in at least {@value #MIN_CASES} training cases form the vocabulary: anything else —
 * a name, an address, any other customer text — is ignored, and explanations only ever name corpus n-grams.
 * Immutable and thread-safe once trained.
 */
public final class FailureModel {

    private static final int MIN_CASES = 2;
    private static final int EPOCHS = 60;
    private static final double LEARNING_RATE = 2.0;
    private static final double L2 = 1e-4;
    private static final Category[] CLASSES = Category.values();

    private final Map<String, Integer> vocabulary;
    private final String[] names;
    private final double[][] weights; // [class][feature]
    private final double[] bias;

    private FailureModel(Map<String, Integer> vocabulary, double[][] weights, double[] bias) {
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.names = new String[vocabulary.size()];
        vocabulary.forEach((name, index) -> names[index] = name);
    }

    /** The model trained from the shipped corpus's training split, trained once on first use. */
    public static FailureModel shipped() {
        return Shipped.MODEL;
    }

    /** Holder idiom: the JVM trains the shipped model once, when it is first needed, thread-safely. */
    private static final class Shipped {
        static final FailureModel MODEL = train(FailureCorpus.trainingSplit());
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
            x[i] = indices(featureSets.get(i), vocabulary);
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

    /** What this model proposes for {@code failure}, with its confidence and the features that weighed most. */
    public ModelVerdict propose(Failure failure) {
        int[] x = indices(FailureFeatures.of(failure), vocabulary);
        double[] p = probabilities(weights, bias, x);
        int best = 0;
        int second = 1;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                second = best;
                best = k;
            } else if (p[k] > p[second] || second == best) {
                second = k;
            }
        }
        return new ModelVerdict(CLASSES[best], p[best], strongest(x, best, second));
    }

    /** How many features the model knows. */
    public int vocabularySize() {
        return names.length;
    }

    private List<String> strongest(int[] x, int best, int second) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = x[i];
        }
        Comparator<Integer> margin = Comparator.comparingDouble(f -> weights[best][f] - weights[second][f]);
        Arrays.sort(order, margin.reversed());
        List<String> top = new ArrayList<>(3);
        for (int i = 0; i < order.length && top.size() < 3; i++) {
            if (weights[best][order[i]] - weights[second][order[i]] > 0) {
                top.add(names[order[i]]);
            }
        }
        return top;
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
            z[k] = Math.exp(z[k] - max);
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

    private static int[] indices(Set<String> features, Map<String, Integer> vocabulary) {
        return features.stream().map(vocabulary::get).filter(i -> i != null).mapToInt(Integer::intValue).toArray();
    }
}
