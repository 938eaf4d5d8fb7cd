package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.domain.SyncState;

/**
 * The EMF lines the alarms read: an attempt's outcome, and an order that stopped without an attempt, both count
 * in the totals (no dimension) that {@code DeadOrdersAlarm} and {@code NeedsReviewOrdersAlarm} watch.
 */
class EmfSyncMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    private static JsonNode lineOf(Runnable emit) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            emit.run();
        } finally {
            System.setOut(original);
        }
        return CanonicalJson.parse(captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anOrderStoppedWithoutAnAttempt_countsAsDeadOrNeedsReview_inTheTotalsTheAlarmsWatch() {
        for (SyncState state : new SyncState[] {SyncState.DEAD, SyncState.NEEDS_REVIEW}) {
            JsonNode line = lineOf(() -> new EmfSyncMetrics(CLOCK).stopped("insurer-a", state));
            String metric = state == SyncState.DEAD ? "Dead" : "NeedsReview";
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("Baton");
            assertThat(directive.path("Dimensions").get(0).size()).isZero();
            assertThat(directive.path("Metrics").findValuesAsText("Name")).containsExactly(metric);
            assertThat(line.path(metric).asInt()).isEqualTo(1);
            assertThat(line.has("Attempts")).isFalse();
        }
    }

    @Test
    void anAttempt_countsItsOutcome_anAttempt_andTheLatency() {
        JsonNode line = lineOf(() -> new EmfSyncMetrics(CLOCK).attempt("insurer-a", SyncState.NEEDS_REVIEW, 4,
                Duration.ofMillis(120)));
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").findValuesAsText("Name"))
                .containsExactly("NeedsReview", "Attempts", "DownstreamLatency");
        assertThat(line.path("DownstreamLatency").asLong()).isEqualTo(120);
        assertThat(line.path("Downstream").asText()).isEqualTo("insurer-a");
    }
}
