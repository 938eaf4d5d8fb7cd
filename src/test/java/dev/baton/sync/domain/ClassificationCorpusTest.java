package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Measures the built-in rules against a labelled corpus of realistic insurer and bank failures
 * ({@code classification-corpus.csv}; fake values only). Labels say what an operator would want, so a
 * truly ambiguous row may be missed; the accuracy floor is what must hold.
 */
class ClassificationCorpusTest {

    private static final double ACCURACY_FLOOR = 0.90;

    record Case(int line, Failure failure, Category expected) {
    }

    @Test
    void defaultRules_classifyAtLeastNinetyPercentOfTheCorpusAsAnOperatorWould() throws IOException {
        // given
        List<Case> corpus = corpus();

        // when
        List<String> misses = new ArrayList<>();
        for (Case c : corpus) {
            Classification actual = FailureClassifier.classify(c.failure(), List.of());
            if (actual.category() != c.expected()) {
                misses.add("line " + c.line() + ": expected " + c.expected() + ", got " + actual.category()
                        + " by " + actual.ruleId() + " for " + c.failure().kind() + " "
                        + c.failure().httpStatus() + " " + c.failure().code() + " \"" + c.failure().message() + "\"");
            }
        }
        int correct = corpus.size() - misses.size();
        double accuracy = (double) correct / corpus.size();
        System.out.printf(Locale.ROOT, "classification corpus: %d cases, %d correct, accuracy %.1f%%%n",
                corpus.size(), correct, accuracy * 100);
        misses.forEach(m -> System.out.println("  misclassified " + m));

        // then
        assertTrue(corpus.size() >= 48, "the corpus needs at least 48 cases, has " + corpus.size());
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy + " is below " + ACCURACY_FLOOR
                + "; misses: " + misses);
    }

    @Test
    void csvReader_handlesQuotedCommasDoubledQuotesAndEmptyFields() {
        // given
        String line = "DOWNSTREAM_CODE,200,,\"a, \"\"quoted\"\" b\",UNKNOWN";

        // when
        List<String> fields = fields(line);

        // then
        assertEquals(List.of("DOWNSTREAM_CODE", "200", "", "a, \"quoted\" b", "UNKNOWN"), fields);
    }

    private static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ClassificationCorpusTest.class.getResourceAsStream("/classification-corpus.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) { // line 1 is the header
                if (!lines[i].isBlank()) {
                    cases.add(toCase(i + 1, fields(lines[i])));
                }
            }
        }
        return cases;
    }

    private static Case toCase(int line, List<String> f) {
        assertEquals(5, f.size(), "line " + line + " needs kind,httpStatus,code,message,expected");
        Failure failure = new Failure(FailureKind.valueOf(f.get(0)), f.get(1).isEmpty() ? null
                : Integer.valueOf(f.get(1)), blankToNull(f.get(2)), blankToNull(f.get(3)), null);
        return new Case(line, failure, Category.valueOf(f.get(4)));
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** One CSV line (RFC 4180 quoting: quoted fields may hold commas and doubled quotes). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
