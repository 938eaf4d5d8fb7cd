package dev.baton.sync.domain;

import java.util.List;

/**
 * What the {@link FailureModel} proposes for a failure no rule matched, and why.
 *
 * @param category   the most likely category
 * @param confidence the model's probability of it, 0 to 1
 * @param features   the (at most three) features that weighed most for it against the runner-up, masked and
 *                   taken from the model's vocabulary (learnt from the corpus), so never customer data
 */
public record ModelVerdict(Category category, double confidence, List<String> features) {

    /**
     * Validates the verdict.
     *
     * @throws IllegalArgumentException when a part is missing or the confidence is not a probability
     */
    public ModelVerdict {
        if (category == null || features == null) {
            throw new IllegalArgumentException("a model verdict needs a category and its features");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a model verdict's confidence must be from 0 to 1");
        }
        features = List.copyOf(features);
    }
}
