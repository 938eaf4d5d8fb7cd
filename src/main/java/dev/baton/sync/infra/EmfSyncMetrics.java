package dev.baton.sync.infra;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.sync.domain.SyncState;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.SyncMetrics;

/**
 * {@link SyncMetrics} as CloudWatch Embedded Metric Format lines on standard output, which Lambda ships to
 * CloudWatch Logs and CloudWatch turns into metrics without an API call
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 * Namespace {@code Baton}; metrics {@code Synced}, {@code AsyncPending}, {@code Dead}, {@code NeedsReview},
 * {@code Invalid},
 * {@code Rejected}, {@code Attempts}, {@code DownstreamLatency} by downstream, and the sweeper's counts.
 * Lines carry names and numbers only — never order data.
 */
@ApplicationScoped
public class EmfSyncMetrics implements SyncMetrics {

    static final String NAMESPACE = "Baton";

    private final Clock clock;
    private final PrintStream out = System.out;

    EmfSyncMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void attempt(String downstream, SyncState state, int attempt, Duration latency) {
        ObjectNode line = envelope("Downstream");
        ArrayNode metrics = (ArrayNode) line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics");
        metric(metrics, line, outcome(state), "Count", 1);
        metric(metrics, line, "Attempts", "Count", 1);
        metric(metrics, line, "DownstreamLatency", "Milliseconds", latency.toMillis());
        line.put("Downstream", downstream);
        line.put("attempt", attempt);
        out.println(CanonicalJson.text(line));
    }

    @Override
    public void stopped(String downstream, SyncState state) {
        ObjectNode line = envelope("Downstream");
        ArrayNode metrics = (ArrayNode) line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics");
        metric(metrics, line, outcome(state), "Count", 1);
        line.put("Downstream", downstream);
        out.println(CanonicalJson.text(line));
    }

    private static String outcome(SyncState state) {
        return switch (state) {
            case SYNCED -> "Synced";
            case ASYNC_PENDING, SYNCING -> "AsyncPending";
            case DEAD -> "Dead";
            case NEEDS_REVIEW -> "NeedsReview";
            case INVALID -> "Invalid";
            case REJECTED -> "Rejected";
            case NOT_SYNCED -> "NotSynced";
        };
    }

    @Override
    public void swept(int lost, int expired) {
        ObjectNode line = envelope(null);
        ArrayNode metrics = (ArrayNode) line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics");
        metric(metrics, line, "SweptLostMessages", "Count", lost);
        metric(metrics, line, "SweptExpiredLeases", "Count", expired);
        out.println(CanonicalJson.text(line));
    }

    private ObjectNode envelope(String dimension) {
        ObjectNode line = CanonicalJson.mapper().createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray(); // the totals, which the alarms in template.yaml watch
        if (dimension != null) {
            dimensions.addArray().add(dimension);
        }
        directive.putArray("Metrics");
        return line;
    }

    private static void metric(ArrayNode metrics, ObjectNode line, String name, String unit, long value) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        line.put(name, value);
    }
}
