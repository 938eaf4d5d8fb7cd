package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RuleSource;

/** The order's sync view says why async processing stopped, under the name of the state it stopped in. */
class SyncViewReasonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static OrderSync failedAt(Category category, Instant now) {
        OrderSync s = OrderSync.never("o-1", T0).start("k", "ins", null, new NodeData("{}"), T0.plusSeconds(60), T0);
        return s.failed(new Classification(category, "r", RuleSource.FALLBACK, Failure.of(FailureKind.DOWNSTREAM_CODE)),
                "m", RetryPolicies.DEFAULT, now, () -> 0L);
    }

    @Test
    void aNeedsReviewOrder_showsItsReviewReason_andTheCategoryThatLedThere() {
        // given an UNKNOWN failure past its probes' deadline
        OrderSync review = failedAt(Category.UNKNOWN, T0.plus(Duration.ofMinutes(20)));
        // when
        OrderViews.SyncView view = OrderViews.SyncView.of(review);
        // then
        assertThat(view.state()).isEqualTo("NEEDS_REVIEW");
        assertThat(view.reviewReason()).isEqualTo(DeadReason.DEADLINE_PASSED.name());
        assertThat(view.deadReason()).isNull();
        assertThat(view.lastClassification().category()).isEqualTo("UNKNOWN");
    }

    @Test
    void aDeadOrder_showsItsDeadReason_only() {
        OrderSync dead = failedAt(Category.TRANSIENT, T0.plus(Duration.ofDays(2)));
        OrderViews.SyncView view = OrderViews.SyncView.of(dead);
        assertThat(view.state()).isEqualTo("DEAD");
        assertThat(view.deadReason()).isEqualTo(DeadReason.DEADLINE_PASSED.name());
        assertThat(view.reviewReason()).isNull();
    }
}
