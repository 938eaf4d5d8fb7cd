package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.baton.order.domain.NodeData;
import dev.baton.shared.domain.Mask;

/** The pure parts of the inbox: templates, the dry run, and releasing a {@code NEEDS_REVIEW} order. */
class InboxDomainTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static FailureTemplate template(String message) {
        return FailureTemplate.of(FailureKind.DOWNSTREAM_CODE, 200, "E1", Mask.text(message));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "起保日期2026-12-01早于当前日期 | 起保日期2027-01-31早于当前日期",
            "处理结果待确认 流水号20261202000001 | 处理结果待确认 流水号20261202999999",
            "证件11010519491231002X校验失败 | 证件110105194912310036校验失败",
            "mobile 13812345678 blocked | mobile 13999999999 blocked",
            "Order 12 failed: Trace A1B2C3D4E5 | Order 99 failed: Trace ZZ99YY88XX"})
    void failuresThatDifferInNumbersIdsAndDates_shareATemplate(String one, String other) {
        assertThat(template(one)).isEqualTo(template(other));
        assertThat(template(one).id()).isEqualTo(template(other).id()).matches("[0-9a-f]{16}");
        assertThat(template(one).text()).doesNotContainPattern("[1-9]");
    }

    @Test
    void kindStatusAndCode_separateTemplates() {
        FailureTemplate t = template("处理结果待确认");
        assertThat(FailureTemplate.of(FailureKind.DOWNSTREAM_CODE, 200, "E2", "处理结果待确认").id()).isNotEqualTo(t.id());
        assertThat(FailureTemplate.of(FailureKind.HTTP_STATUS, 500, "E1", "处理结果待确认").id()).isNotEqualTo(t.id());
    }

    @Test
    void aFragment_isTheLongestUnmaskedStretch() {
        assertThat(template("核保不通过：被保险人为高风险职业，不予承保").fragment()).isEqualTo("被保险人为高风险职业");
        assertThat(template("ERR 12345").fragment()).isEqualTo("err");
        assertThat(template("12345").fragment()).isEmpty();
    }

    @Test
    void aDryRun_countsTheFailuresWhoseCategoryChanges_perTransition() {
        List<RuleDryRun.Group> groups = List.of(
                new RuleDryRun.Group("a", FailureTemplate.of(FailureKind.DOWNSTREAM_CODE, 200, "ERR-917", "处理结果待确认"), 3),
                new RuleDryRun.Group("b", FailureTemplate.of(FailureKind.DOWNSTREAM_CODE, 200, "ERR-918", "处理结果待确认"), 2),
                new RuleDryRun.Group("c", FailureTemplate.of(FailureKind.HTTP_STATUS, 418, null, "teapot"), 7));
        Rule candidate = new Rule("pending", new RuleCondition(Set.of(), Set.of(), Set.of(), List.of("处理结果待确认"),
                null), Category.TRANSIENT);
        RuleDryRun.Result r = RuleDryRun.run(groups, List.of(), candidate, FailureModel.shipped(),
                FailureClassifier.MODEL_THRESHOLD);
        assertThat(r.groups()).isEqualTo(3);
        assertThat(r.failures()).isEqualTo(12);
        assertThat(r.changed()).extracting(c -> c.group().id()).containsExactlyInAnyOrder("a", "b");
        assertThat(r.reclassified()).isEqualTo(5);
        assertThat(r.changed()).allSatisfy(c -> assertThat(c.after().ruleId()).isEqualTo("pending"));
    }

    private static OrderSync needsReview() {
        RetryPolicies oneProbe = RetryPolicies.DEFAULT.with(Category.UNKNOWN, new RetryPolicy(1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(5)));
        Failure f = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "ERR-917", "处理结果待确认", null);
        return OrderSync.never("o-1", T0).start("k-1", "ins", null, new NodeData("{}"), T0.plusSeconds(60), T0)
                .failed(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, f), "处理结果待确认",
                        oneProbe, T0, () -> 0L);
    }

    private static Classification by(Category category) {
        return new Classification(category, "pending", RuleSource.DOWNSTREAM, new Failure(FailureKind.DOWNSTREAM_CODE,
                200, "ERR-917", "处理结果待确认", null));
    }

    @Test
    void releasedAsTransient_isARedrive_withTheSameKeyAndAFreshBudget() {
        OrderSync review = needsReview();
        OrderSync released = review.released(by(Category.TRANSIENT), "处理结果待确认", T0.plusSeconds(60));
        assertThat(released).isEqualTo(review.redriven(T0.plusSeconds(60)));
        assertThat(released.idempotencyKey()).isEqualTo("k-1");
    }

    @Test
    void releasedAsRejected_isFinal_namingTheRule() {
        OrderSync released = needsReview().released(by(Category.REJECTED), "处理结果待确认", T0.plusSeconds(60));
        assertThat(released.state()).isEqualTo(SyncState.REJECTED);
        assertThat(released.lastFailure().ruleId()).isEqualTo("pending");
        assertThat(released.deadReason()).isNull();
    }

    @Test
    void aReleaseThatStaysUnknown_isRefused() {
        assertThatThrownBy(() -> needsReview().released(by(Category.UNKNOWN), "?", T0))
                .isInstanceOf(IllegalStateException.class);
    }
}
