package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleConditionTest {

    @Test
    void everyGivenCriterion_mustMatch() {
        // given status 500 AND code E1
        RuleCondition when = new RuleCondition(null, Set.of(500), Set.of("E1"), null, null);

        // when / then
        assertTrue(when.matches(failure(500, "E1", "boom")));
        assertFalse(when.matches(failure(500, "E2", "boom")));
        assertFalse(when.matches(failure(502, "E1", "boom")));
    }

    @Test
    void anyValueWithinACriterion_matches() {
        // given kinds TIMEOUT OR CONNECTION, and a message containing "busy" OR "繁忙"
        RuleCondition kinds = new RuleCondition(Set.of(FailureKind.TIMEOUT, FailureKind.CONNECTION), null, null,
                null, null);
        RuleCondition texts = new RuleCondition(null, null, null, List.of("busy", "繁忙"), null);

        // when / then
        assertTrue(kinds.matches(Failure.of(FailureKind.CONNECTION)));
        assertFalse(kinds.matches(failure(500, null, null)));
        assertTrue(texts.matches(failure(200, "9999", "Server busy")));
        assertTrue(texts.matches(failure(200, "9999", "系统繁忙，请稍后重试")));
        assertFalse(texts.matches(failure(200, "9999", "系统异常")));
    }

    @Test
    void messageContains_ignoresCase_andKeepsTheConfiguredText() {
        // given
        RuleCondition when = new RuleCondition(null, null, null, List.of("Rate Limit"), null);

        // when / then
        assertTrue(when.matches(failure(200, null, "RATE LIMIT exceeded")));
        assertTrue(when.matches(failure(200, null, "rate limit exceeded")));
        assertEquals(List.of("Rate Limit"), when.messageContains());
    }

    @Test
    void absentFeature_doesNotMatchACriterionOnIt() {
        // given
        RuleCondition when = new RuleCondition(null, Set.of(500), Set.of("E1"), List.of("x"), "x");

        // when / then: no status, code or message, and no NullPointerException either
        assertFalse(when.matches(Failure.of(FailureKind.TIMEOUT)));
        assertFalse(new RuleCondition(null, null, null, null, "x").matches(Failure.of(FailureKind.TIMEOUT)));
    }

    @Test
    void messageMatches_findsTheExpressionAnywhere() {
        // given an insurer whose business code hides in the message
        RuleCondition when = new RuleCondition(null, null, null, null, "错误码[:：]\\s*E\\d{3}");

        // when / then
        assertTrue(when.matches(failure(200, null, "处理失败，错误码：E042，请联系客服")));
        assertFalse(when.matches(failure(200, null, "处理失败，错误码：X042")));
    }

    @Test
    void catastrophicBacktracking_countsAsNoMatchInsteadOfHanging() {
        // given an expression that backtracks exponentially on a near miss
        RuleCondition when = new RuleCondition(null, null, null, null, "^(a+)+$");
        String nearMiss = "a".repeat(60) + "!";

        // when
        boolean matched = when.matches(failure(200, null, nearMiss));

        // then
        assertFalse(matched);
        assertTrue(when.matches(failure(200, null, "aaaa")));
    }

    @Test
    void invalidRegex_isRefusedNamingTheField() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCondition(null, null, null, null, "(系统繁忙"));

        // then
        assertEquals("when.messageMatches must be a valid regular expression (Unclosed group near index 5)",
                e.getMessage());
    }

    @Test
    void emptyCondition_isRefused() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCondition(Set.of(), Set.of(), null, List.of(), ""));

        // then
        assertEquals("when needs at least one of kinds, httpStatuses, codes, messageContains, messageMatches",
                e.getMessage());
    }

    @Test
    void conditions_withTheSameCriteria_areEqual_andImmutable() {
        // given
        List<String> contains = new ArrayList<>(List.of("busy"));
        RuleCondition a = new RuleCondition(null, Set.of(500, 502), null, contains, "x");

        // when
        contains.add("later");

        // then
        assertEquals(new RuleCondition(Set.of(), Set.of(502, 500), Set.of(), List.of("busy"), "x"), a);
        assertThrows(UnsupportedOperationException.class, () -> a.httpStatuses().add(503));
    }

    private static Failure failure(int status, String code, String message) {
        return new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
    }
}
