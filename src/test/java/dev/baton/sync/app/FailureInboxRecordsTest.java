package dev.baton.sync.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.shared.domain.Mask;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.FailureTemplate;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.ModelVerdict;
import dev.baton.sync.domain.RuleSource;

/** Which attempts' failures the inbox counts: once per order and template, not once per retry. */
class FailureInboxRecordsTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aModelDecidedTransientFailure_isCountedOnItsFirstAttemptOnly() {
        // given the model's TRANSIENT for an odd answer, on attempt 1, then the same answer (another serial) again
        Classification first = byModel("处理失败，流水号20261202000001");
        Classification again = byModel("处理失败，流水号20261202000002");

        // when
        boolean firstCounted = FailureInbox.recordsAttempt(first, template(first), null);
        boolean againCounted = FailureInbox.recordsAttempt(again, template(again), last(first));

        // then
        assertTrue(firstCounted);
        assertFalse(againCounted, "a retry of the same failure is the same order in the same group");
    }

    @Test
    void aDifferentFailureOnALaterAttempt_isCountedInItsOwnGroup() {
        // given
        Classification first = byModel("处理失败");
        Classification other = byModel("核心系统未返回结果");

        // when
        boolean counted = FailureInbox.recordsAttempt(other, template(other), last(first));

        // then
        assertTrue(counted);
    }

    @Test
    void aFailureAfterARuleDecidedOne_isCounted_andRuleDecidedFailuresNever() {
        // given
        Failure busy = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E1", "处理失败", null);
        Classification byRule = new Classification(Category.TRANSIENT, "acme.busy", RuleSource.DOWNSTREAM, busy);
        Classification byModel = byModel("处理失败");

        // when
        boolean afterRule = FailureInbox.recordsAttempt(byModel, template(byModel), last(byRule));
        boolean ruleItself = FailureInbox.recordsAttempt(byRule, template(byRule), null);

        // then
        assertTrue(afterRule, "the previous attempt was not counted");
        assertFalse(ruleItself);
    }

    private static Classification byModel(String message) {
        Failure f = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E1", message, null);
        return new Classification(Category.TRANSIENT, "model", RuleSource.MODEL, f,
                new ModelVerdict(Category.TRANSIENT, 0.9, List.of("m:处理")));
    }

    private static FailureTemplate template(Classification c) {
        return FailureTemplate.of(c.failure().kind(), c.failure().httpStatus(), c.failure().code(),
                Mask.text(c.failure().message()));
    }

    private static LastFailure last(Classification c) {
        return LastFailure.of(c, Mask.text(c.failure().message()), T);
    }
}
