package dev.baton.sync.domain;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Accuracy, async-decision error and confusion matrix of a classifier on labelled cases. An async-decision error
 * is a final category ({@code INVALID_DATA}, {@code REJECTED}) for a case labelled async, or an async one for a
 * case labelled final (docs/classification.md#labelling-guide).
 */
final class Scorecard {

    private static final Category[] C = Category.values();
    final int[][] matrix = new int[C.length][C.length]; // [expected][actual]
    int cases;
    int correct;
    int asyncErrors;
    int transientGivenUp; // labelled async, answered final: the order is lost
    int finalRetried;     // labelled final, sent to async (retried, or probed then NEEDS_REVIEW)
    int finalToReview;    // of those, answered UNKNOWN: probed a few times, then NEEDS_REVIEW for a human
    int unknownAnswers;   // answered UNKNOWN (abstentions), whatever the label

    static Scorecard of(List<FailureCorpus.Case> cases, Function<Failure, Category> classifier) {
        Scorecard s = new Scorecard();
        for (FailureCorpus.Case c : cases) {
            Category actual = classifier.apply(c.failure());
            s.matrix[c.expected().ordinal()][actual.ordinal()]++;
            s.cases++;
            if (actual == c.expected()) {
                s.correct++;
            }
            if (actual == Category.UNKNOWN) {
                s.unknownAnswers++;
            }
            if (actual.asyncProcessing() != c.expected().asyncProcessing()) {
                s.asyncErrors++;
                if (c.expected().asyncProcessing()) {
                    s.transientGivenUp++;
                } else {
                    s.finalRetried++;
                    s.finalToReview += actual == Category.UNKNOWN ? 1 : 0;
                }
            }
        }
        return s;
    }

    double accuracy() {
        return (double) correct / cases;
    }

    double asyncErrorRate() {
        return (double) asyncErrors / cases;
    }

    String report(String title) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d cases, accuracy %.1f%% (%d), async-decision error %.1f%% (%d: "
                        + "%d async-labelled answered final, %d final-labelled sent to async, %d of them as UNKNOWN)"
                        + "; UNKNOWN answered %.1f%% (%d); without final-labelled UNKNOWNs (probed, then "
                        + "NEEDS_REVIEW) the error is %.1f%%%n", title, cases, 100 * accuracy(), correct,
                100 * asyncErrorRate(), asyncErrors, transientGivenUp, finalRetried, finalToReview,
                100.0 * unknownAnswers / cases, unknownAnswers, 100.0 * (asyncErrors - finalToReview) / cases));
        b.append(String.format(Locale.ROOT, "  %-13s", "expected\\got"));
        for (Category a : C) {
            b.append(String.format(Locale.ROOT, "%13s", a));
        }
        b.append(String.format(Locale.ROOT, "%10s%10s%n", "recall", "async err"));
        for (Category e : C) {
            int row = 0;
            int wrongAsync = 0;
            b.append(String.format(Locale.ROOT, "  %-13s", e));
            for (Category a : C) {
                int n = matrix[e.ordinal()][a.ordinal()];
                row += n;
                wrongAsync += a.asyncProcessing() != e.asyncProcessing() ? n : 0;
                b.append(String.format(Locale.ROOT, "%13d", n));
            }
            b.append(String.format(Locale.ROOT, "%9.1f%%%9.1f%%%n", row == 0 ? 0 : 100.0 * matrix[e.ordinal()][e
                    .ordinal()] / row, row == 0 ? 0 : 100.0 * wrongAsync / row));
        }
        return b.toString();
    }
}
