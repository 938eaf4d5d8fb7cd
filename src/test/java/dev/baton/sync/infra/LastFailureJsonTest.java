package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.sync.domain.LastFailure;

class LastFailureJsonTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aModelDecision_isStoredWithItsConfidenceAndFeatures_andReadBackEqual() {
        // given
        LastFailure last = new LastFailure("REJECTED", "model", "MODEL", "DOWNSTREAM_CODE", 200, "UW77", "拒",
                AT, "REJECTED", 0.988, List.of("m:风", "m:高"));

        // when
        String json = LastFailureJson.write(last);

        // then
        assertThat(json).contains("\"confidence\":0.988").contains("\"features\":[\"m:风\",\"m:高\"]");
        assertThat(LastFailureJson.read(json)).isEqualTo(last);
    }

    @Test
    void aRuleDecision_andAnItemWrittenBeforeConfidencesWereStored_readBackWithoutModelParts() {
        // given
        LastFailure byRule = new LastFailure("TRANSIENT", "default.busy-message", "DEFAULT", "DOWNSTREAM_CODE", 200,
                "9999", "系统繁忙", AT);
        String older = "{\"at\":\"2026-12-02T10:00:00Z\",\"category\":\"REJECTED\",\"code\":null,"
                + "\"kind\":\"DOWNSTREAM_CODE\",\"message\":null,\"ruleId\":\"model\",\"source\":\"MODEL\"}";

        // when
        LastFailure read = LastFailureJson.read(LastFailureJson.write(byRule));
        LastFailure old = LastFailureJson.read(older);

        // then
        assertThat(read).isEqualTo(byRule);
        assertThat(LastFailureJson.write(byRule)).doesNotContain("confidence");
        assertThat(old.confidence()).isNull();
        assertThat(old.features()).isNull();
        assertThat(old.ruleId()).isEqualTo("model");
    }
}
