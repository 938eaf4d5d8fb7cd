package dev.baton.sync.domain;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * How {@link FailureClassifier#FINAL_THRESHOLD} and {@link FailureClassifier#MODEL_THRESHOLD} were chosen: 5-fold
 * cross-validation on the <em>training</em> split only (fold = position mod 5), rules + model at each threshold.
 * Prints, asserts nothing: the held-out split is measured by {@link HeldOutEvaluationTest} and was not looked at to
 * choose. Reproduce with {@code ./mvnw -B -ntp -q test -Dtest=ModelThresholdCrossValidationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ModelThresholdCrossValidationTest {

    private static final int FOLDS = 5;

    @Test
    void crossValidationOnTheTrainingSplit_printsAccuracyAndAsyncErrorPerThreshold() {
        // given
        List<FailureCorpus.Case> training = FailureCorpus.trainingSplit();
        List<List<FailureCorpus.Case>> folds = IntStream.range(0, FOLDS).mapToObj(k -> IntStream
                .range(0, training.size()).filter(i -> i % FOLDS == k).mapToObj(training::get).toList()).toList();
        List<FailureModel> models = IntStream.range(0, FOLDS).mapToObj(k -> FailureModel.train(IntStream
                .range(0, training.size()).filter(i -> i % FOLDS != k).mapToObj(training::get).toList())).toList();

        // when / then
        System.out.println("5-fold cross-validation on the training split (" + training.size() + " cases):");
        printRow("rules only", IntStream.range(0, FOLDS).mapToObj(k -> Scorecard.of(folds.get(k),
                f -> FailureClassifier.classifyByRules(f, List.of()).category())).toList());
        for (double threshold : new double[] {0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9}) {
            printRow("final " + threshold, IntStream.range(0, FOLDS).mapToObj(k -> Scorecard.of(folds.get(k),
                    f -> FailureClassifier.classify(f, List.of(), models.get(k), threshold,
                            FailureClassifier.MODEL_THRESHOLD).category())).toList());
        }
        for (double threshold : new double[] {0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 1.01}) {
            printRow("review " + (threshold > 1 ? "off" : threshold), IntStream.range(0, FOLDS).mapToObj(k -> Scorecard
                    .of(folds.get(k), f -> FailureClassifier.classify(f, List.of(), models.get(k),
                            FailureClassifier.FINAL_THRESHOLD, FailureClassifier.MODEL_THRESHOLD, threshold)
                            .category())).toList());
        }
        for (double threshold : new double[] {0.4, 0.5, 0.6, 0.7, 0.8}) {
            printRow("async " + threshold, IntStream.range(0, FOLDS).mapToObj(k -> Scorecard.of(folds.get(k),
                    f -> FailureClassifier.classify(f, List.of(), models.get(k), FailureClassifier.FINAL_THRESHOLD,
                            threshold).category())).toList());
        }
    }

    private static void printRow(String title, List<Scorecard> cards) {
        int cases = cards.stream().mapToInt(s -> s.cases).sum();
        int correct = cards.stream().mapToInt(s -> s.correct).sum();
        int lost = cards.stream().mapToInt(s -> s.transientGivenUp).sum();
        int retried = cards.stream().mapToInt(s -> s.finalRetried).sum();
        int review = cards.stream().mapToInt(s -> s.finalToReview).sum();
        int unknown = cards.stream().mapToInt(s -> s.unknownAnswers).sum();
        System.out.printf(Locale.ROOT, "  %-15s accuracy %5.1f%%  async-decision error %4.1f%% (%d answered final "
                + "wrongly, %d sent to async wrongly, %d of them as UNKNOWN; without those %4.1f%%)  UNKNOWN answered "
                + "%4.1f%%  2 x lost + sent to async = %d%n", title, 100.0 * correct / cases,
                100.0 * (lost + retried) / cases, lost, retried, review, 100.0 * (lost + retried - review) / cases,
                100.0 * unknown / cases, 2 * lost + retried);
    }
}
