package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.baton.shared.domain.Violation;

/** {@link RuleCondition#check}: what the API layer reports, field by field, before building a condition. */
class RuleConditionCheckTest {

    @Test
    void check_namesEveryBadFieldUnderThePrefix() {
        // given
        List<String> contains = new ArrayList<>(Arrays.asList("ok", " "));
        Set<FailureKind> kinds = new HashSet<>(Arrays.asList(FailureKind.TIMEOUT, null));

        // when
        List<Violation> violations = RuleCondition.check("rules[2].when", kinds, Set.of(200, 600),
                Set.of("", "E1"), contains, "x".repeat(501));

        // then
        assertEquals(List.of(
                new Violation("rules[2].when.kinds", "must not contain null"),
                new Violation("rules[2].when.httpStatuses", "must be HTTP statuses from 100 to 599"),
                new Violation("rules[2].when.codes", "must each be 1 to 64 characters"),
                new Violation("rules[2].when.messageContains", "must each be 1 to 200 characters and not blank"),
                new Violation("rules[2].when.messageMatches", "must be at most 500 characters")), violations);
    }

    @Test
    void check_acceptsAGoodCondition_andReportsAnEmptyOneOnThePrefix() {
        // when
        List<Violation> good = RuleCondition.check("rules[0].when", null, Set.of(503), null, null, "busy|繁忙");
        List<Violation> empty = RuleCondition.check("rules[1].when", null, null, null, null, null);

        // then
        assertEquals(List.of(), good);
        assertEquals(List.of("rules[1].when"), empty.stream().map(Violation::field).toList());
    }

    @Test
    void emptyRegex_meansNoRegex() {
        // when
        RuleCondition when = new RuleCondition(null, Set.of(503), null, null, "");

        // then
        assertEquals(null, when.messageMatches());
        assertTrue(when.matches(failure(503, null, null)));
    }

    private static Failure failure(int status, String code, String message) {
        return new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
    }
}
