package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LastFailureTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aClassificationTheModelDecided_keepsItsCategoryConfidenceRoundedAndFeatures() {
        // given
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "UW77", "高风险职业不予受理", null);
        ModelVerdict verdict = new ModelVerdict(Category.REJECTED, 0.98765, List.of("m:风", "m:高"));
        Classification c = new Classification(Category.REJECTED, "model", RuleSource.MODEL, failure, verdict);

        // when
        LastFailure last = LastFailure.of(c, "高风险职业不予受理", AT);

        // then
        assertEquals("model", last.ruleId());
        assertEquals("REJECTED", last.modelCategory());
        assertEquals(0.988, last.confidence());
        assertEquals(List.of("m:风", "m:高"), last.features());
    }

    @Test
    void aClassificationByARuleAlone_hasNoModelParts() {
        // given
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "9999", "系统繁忙", null);

        // when
        LastFailure last = LastFailure.of(new Classification(Category.TRANSIENT, "default.busy-message",
                RuleSource.DEFAULT, failure), "系统繁忙", AT);

        // then
        assertNull(last.modelCategory());
        assertNull(last.confidence());
        assertNull(last.features());
    }

    @Test
    void aConfidenceOutsideZeroToOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LastFailure("REJECTED", "model", "MODEL",
                "DOWNSTREAM_CODE", 200, null, null, AT, "REJECTED", 1.5, List.of()));
    }
}
