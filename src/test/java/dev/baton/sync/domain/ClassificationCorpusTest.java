package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The built-in rules against the cases they were written beside (section {@code rules} of
 * {@code classification-corpus.csv}; fake values only). Labels say what an operator would want, so a truly
 * ambiguous row may be missed; the accuracy floor is what must hold. How rules and model do on failures nobody
 * wrote a rule for is measured on the held-out split by {@link HeldOutEvaluationTest}.
 */
class ClassificationCorpusTest {

    private static final double ACCURACY_FLOOR = 0.90;

    @Test
    void defaultRules_classifyAtLeastNinetyPercentOfTheirOwnCasesAsAnOperatorWould() {
        // given
        List<FailureCorpus.Case> corpus = FailureCorpus.load().stream().filter(c -> c.section().equals("rules"))
                .toList();

        // when
        List<String> misses = new ArrayList<>();
        for (FailureCorpus.Case c : corpus) {
            Classification actual = FailureClassifier.classifyByRules(c.failure(), List.of());
            if (actual.category() != c.expected()) {
                misses.add("line " + c.line() + ": expected " + c.expected() + ", got " + actual.category()
                        + " by " + actual.ruleId());
            }
        }
        int correct = corpus.size() - misses.size();
        double accuracy = (double) correct / corpus.size();
        System.out.printf(Locale.ROOT, "rules section: %d cases, %d correct, accuracy %.1f%%%n",
                corpus.size(), correct, accuracy * 100);
        misses.forEach(m -> System.out.println("  misclassified " + m));

        // then
        assertEquals(90, corpus.size(), "the rules section holds the 90 cases the rules were written beside");
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy + " is below " + ACCURACY_FLOOR
                + "; misses: " + misses);
    }

    @Test
    void wholeCorpus_hasAtLeast400CasesOfEveryCategoryAndAboutAThirdHeldOut() {
        // given
        List<FailureCorpus.Case> corpus = FailureCorpus.load();

        // when
        long heldOut = corpus.stream().filter(FailureCorpus.Case::heldOut).count();

        // then
        assertTrue(corpus.size() >= 400, "the corpus needs at least 400 cases, has " + corpus.size());
        for (Category category : Category.values()) {
            assertTrue(corpus.stream().filter(c -> c.expected() == category).count() >= 20, category.name());
        }
        double share = (double) heldOut / corpus.size();
        assertTrue(share > 0.2 && share < 0.4, "held-out share " + share);
    }

    @Test
    void csvReader_handlesQuotedCommasDoubledQuotesAndEmptyFields() {
        // given
        String line = "DOWNSTREAM_CODE,200,,\"a, \"\"quoted\"\" b\",UNKNOWN";

        // when
        List<String> fields = FailureCorpus.fields(line);

        // then
        assertEquals(List.of("DOWNSTREAM_CODE", "200", "", "a, \"quoted\" b", "UNKNOWN"), fields);
    }

    @Test
    void corpusParser_skipsCommentsAndNamesSections() {
        // given
        String text = "kind,httpStatus,code,message,expected\n# section a: first\nTIMEOUT,,,x,TRANSIENT\n"
                + "# a comment\n# section b: second\nHTTP_STATUS,429,,,THROTTLED\n";

        // when
        List<FailureCorpus.Case> cases = FailureCorpus.parse(text);

        // then
        assertEquals(List.of("a", "b"), cases.stream().map(FailureCorpus.Case::section).toList());
        assertEquals(6, cases.get(1).line());
    }
}
