package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {

    static Stream<Arguments> oneFailurePerDefaultRule() {
        return Stream.of(
                Arguments.of(Failure.of(FailureKind.TIMEOUT), "default.timeout", Category.TRANSIENT),
                Arguments.of(Failure.of(FailureKind.CONNECTION), "default.connection", Category.TRANSIENT),
                Arguments.of(http(429, null), "default.throttled-status", Category.THROTTLED),
                Arguments.of(code("1001", "请求过于频繁，请稍后再试"), "default.throttled-message", Category.THROTTLED),
                Arguments.of(code("9999", "系统繁忙，请稍后重试"), "default.busy-message", Category.TRANSIENT),
                Arguments.of(http(503, "no healthy upstream"), "default.gateway-status", Category.TRANSIENT),
                // a gateway page saying "Service Temporarily Unavailable" is labelled by its status, not its words
                Arguments.of(http(503, "503 Service Temporarily Unavailable"), "default.gateway-status",
                        Category.TRANSIENT),
                Arguments.of(http(401, "invalid access token"), "default.setup-status", Category.UNKNOWN),
                Arguments.of(code("SIGN", "签名无效"), "default.auth-message", Category.UNKNOWN),
                Arguments.of(code("E100", "核保不通过：不符合投保条件"), "default.rejected-message",
                        Category.REJECTED),
                Arguments.of(http(400, "证件号码格式错误"), "default.invalid-message", Category.INVALID_DATA),
                Arguments.of(http(500, "Internal Server Error"), "default.server-status", Category.TRANSIENT),
                Arguments.of(http(422, "Unprocessable Entity"), "default.client-status", Category.INVALID_DATA));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneFailurePerDefaultRule")
    void defaultRule_classifiesItsFailure(Failure failure, String ruleId, Category category) {
        // given a failure the rule is meant for

        // when
        Classification byRules = FailureClassifier.classifyByRules(failure, List.of());
        Classification c = FailureClassifier.classify(failure, List.of());

        // then (the status-only rules come after the model, which may decide the same category first)
        assertEquals(new Classification(category, ruleId, RuleSource.DEFAULT, failure), byRules);
        assertEquals(category, c.category());
    }

    @Test
    void everyDefaultRule_isExercisedAbove() {
        // given
        Set<String> exercised = oneFailurePerDefaultRule().map(a -> (String) a.get()[1]).collect(Collectors.toSet());

        // when
        Set<String> ids = FailureClassifier.DEFAULT_RULES.stream().map(Rule::id).collect(Collectors.toSet());

        // then
        assertEquals(ids, exercised);
        assertEquals(12, FailureClassifier.DEFAULT_RULES.size());
    }

    @Test
    void downstreamRule_winsOverDefault() {
        // given an insurer whose "busy" code 9999 really means its validation failed
        Rule own = new Rule("acme.9999-is-invalid", condition(Set.of("9999"), null), Category.INVALID_DATA);
        Failure failure = code("9999", "系统繁忙，请稍后重试");

        // when
        Classification c = FailureClassifier.classify(failure, List.of(own));

        // then
        assertEquals(new Classification(Category.INVALID_DATA, "acme.9999-is-invalid", RuleSource.DOWNSTREAM,
                failure), c);
        assertFalse(c.asyncProcessing());
    }

    @Test
    void firstMatchingDownstreamRule_wins() {
        // given two rules that both match
        Rule first = new Rule("acme.first", condition(Set.of("E7"), null), Category.REJECTED);
        Rule second = new Rule("acme.second", condition(null, List.of("quota")), Category.THROTTLED);
        Failure failure = code("E7", "quota reached for this product");

        // when
        Classification c = FailureClassifier.classify(failure, List.of(first, second));

        // then
        assertEquals("acme.first", c.ruleId());
        assertEquals(Category.REJECTED, c.category());
    }

    @Test
    void nonMatchingDownstreamRules_fallThroughToDefaults() {
        // given
        Rule other = new Rule("acme.other", condition(Set.of("E7"), null), Category.REJECTED);

        // when
        Classification c = FailureClassifier.classify(Failure.of(FailureKind.TIMEOUT), List.of(other));

        // then
        assertEquals("default.timeout", c.ruleId());
        assertEquals(RuleSource.DEFAULT, c.source());
    }

    @Test
    void nothingMatching_isUnknownByTheFallbackWhenRulesAloneDecide() {
        // given a business code with a message no rule knows
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 409, "DUP01", "投保单号已存在", Duration.ofSeconds(5));

        // when
        Classification c = FailureClassifier.classifyByRules(failure, List.of());

        // then
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure), c);
        assertTrue(c.asyncProcessing());
    }

    @Test
    void nothingMatching_asksTheModelWhichDecidesOnlyAtOrAboveTheThreshold() {
        // given a rejection phrased without any rule's keyword, and a model trained on the corpus's training split
        Failure failure = code("UW001", "高风险职业不予受理");
        FailureModel model = FailureModel.shipped();
        ModelVerdict sure = model.proposeDecision(failure, 0.0);
        ModelVerdict unsure = model.proposeDecision(failure, 1.01);

        // when
        Classification confident = FailureClassifier.classify(failure, List.of(), model, 0.0);
        Classification doubtful = FailureClassifier.classify(failure, List.of(), model, 1.01);

        // then
        assertEquals(Category.REJECTED, sure.category());
        assertEquals(new Classification(Category.REJECTED, "model", RuleSource.MODEL, failure, sure), confident);
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure, unsure),
                doubtful);
        assertTrue(confident.reason().matches("model [01]\\.\\d\\d: .+"), confident.reason());
    }

    @Test
    void aBare5xx_whoseMessageTheModelReadsAsFinal_isDecidedByTheModelBeforeTheStatusRule() {
        // given a data error answered as HTTP 500, in words no rule knows
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 500, null,
                "{\"code\":\"PARAM_ERR\",\"msg\":\"被保险人性别与身份证号不符\"}", null);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category());
        assertEquals(RuleSource.MODEL, c.source());
        assertTrue(c.model().confidence() >= FailureClassifier.FINAL_THRESHOLD);
    }

    @Test
    void aBare5xx_thatTheModelDoesNotReadAsFinal_isTransientByTheStatusRule_withTheVerdictAttached() {
        // given
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 500, null, "Internal Server Error", null);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category());
        assertEquals("default.server-status", c.ruleId());
        assertEquals(RuleSource.DEFAULT, c.source());
        assertTrue(c.model() != null && c.model().category().asyncProcessing(), String.valueOf(c.model()));
    }

    @Test
    void aMatchingRule_decidesWithoutAskingTheModel() {
        // given
        Failure failure = code("9999", "系统繁忙，请稍后重试");

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(new Classification(Category.TRANSIENT, "default.busy-message", RuleSource.DEFAULT, failure), c);
        assertEquals("rule default.busy-message", c.reason());
    }

    @Test
    void missingFailure_isRefused() {
        // when / then
        assertThrows(IllegalArgumentException.class, () -> FailureClassifier.classify(null, List.of()));
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void category_isAsyncExactlyForTransientThrottledAndUnknown(Category category) {
        // given
        boolean expected = Set.of(Category.TRANSIENT, Category.THROTTLED, Category.UNKNOWN).contains(category);

        // when
        boolean async = category.asyncProcessing();

        // then
        assertEquals(expected, async);
    }

    private static Failure http(int status, String message) {
        return new Failure(FailureKind.HTTP_STATUS, status, null, message, null);
    }

    private static Failure code(String code, String message) {
        return new Failure(FailureKind.DOWNSTREAM_CODE, 200, code, message, null);
    }

    private static RuleCondition condition(Set<String> codes, List<String> contains) {
        return new RuleCondition(null, null, codes, contains, null);
    }
}
