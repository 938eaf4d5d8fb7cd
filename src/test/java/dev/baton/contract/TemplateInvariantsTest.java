package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.baton.sync.domain.TimeBudget;

/**
 * What {@code template.yaml} must keep true that neither the SAM schema nor cfn-lint knows: each function's
 * timeout covers its worst case from {@link TimeBudget}, the retry queue outlives its worker six times, every
 * alarm notifies someone, every SQS trigger is capped, and configuration changes publish a new version.
 * Short tags read as their plain values ({@code !Ref RetryQueue} is "RetryQueue").
 */
class TemplateInvariantsTest {

    /** Worst-case work per exported function; a new function must be budgeted here before it can deploy. */
    private static final Map<String, Duration> WORST_CASE = Map.of(
            "order-sync", TimeBudget.orderSyncWork(),
            "order-retry", TimeBudget.orderRetryWork(),
            "order-sweep", TimeBudget.STORE_WORK,
            "handoff", TimeBudget.STORE_WORK,
            "mapping-config", TimeBudget.STORE_WORK,
            // a batch of 20 stream records (OrderEventsStream's BatchSize), each one PutItem and one PutEvents
            "order-events", TimeBudget.STORE_WORK.multipliedBy(2 * 20));

    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("template.yaml")));
    }

    @Test
    void everyFunctionsTimeout_coversItsWorstCase() {
        for (Map.Entry<String, JsonNode> function : resources("AWS::Serverless::Function")) {
            String export = exportOf(function.getValue());
            assertThat(WORST_CASE).as("time budget of %s", function.getKey()).containsKey(export);
            assertThat(timeout(function.getValue())).as("Timeout of %s", function.getKey())
                    .isGreaterThanOrEqualTo(WORST_CASE.get(export));
        }
    }

    @Test
    void theSynchronousSync_answersWithinApiGatewaysLimit() {
        assertThat(TimeBudget.orderSyncWork().plus(TimeBudget.RESPONSE_MARGIN))
                .isLessThanOrEqualTo(TimeBudget.API_GATEWAY_LIMIT);
        assertThat(timeout(function("order-sync"))).isLessThanOrEqualTo(TimeBudget.API_GATEWAY_LIMIT);
    }

    @Test
    void everySqsTrigger_hasItsBudgetedBatch_aCap_partialFailures_andAQueueThatOutlivesItsWorkerSixTimes() {
        for (Map.Entry<String, JsonNode> function : resources("AWS::Serverless::Function")) {
            for (JsonNode event : function.getValue().path("Events")) {
                if (!"SQS".equals(event.path("Type").asText())) {
                    continue;
                }
                JsonNode p = event.path("Properties");
                String queue = p.path("Queue").asText().replace(".Arn", "");
                long visibility = template.path("Resources").path(queue).path("Properties").path("VisibilityTimeout")
                        .asLong();
                assertThat(p.path("BatchSize").asInt(10)).as("BatchSize").isEqualTo(TimeBudget.RETRY_BATCH_SIZE);
                assertThat(p.path("ScalingConfig").path("MaximumConcurrency").isMissingNode()).as("cap").isFalse();
                assertThat(p.path("FunctionResponseTypes").toString()).contains("ReportBatchItemFailures");
                Duration worker = timeout(function.getValue());
                assertThat(Duration.ofSeconds(visibility)).as("%s VisibilityTimeout", queue)
                        .isGreaterThanOrEqualTo(worker.multipliedBy(TimeBudget.VISIBILITY_FACTOR));
            }
        }
    }

    @Test
    void everyStreamTrigger_bisects_reportsPartialFailures_deadLettersWhatItGivesUp_andThatIsAlarmed() {
        List<Map.Entry<String, JsonNode>> mappings = resources("AWS::Lambda::EventSourceMapping");
        assertThat(mappings).isNotEmpty();
        for (Map.Entry<String, JsonNode> mapping : mappings) {
            JsonNode p = mapping.getValue();
            assertThat(p.path("BatchSize").asInt()).as("BatchSize").isEqualTo(20);
            assertThat(p.path("BisectBatchOnFunctionError").asBoolean()).as("bisect").isTrue();
            assertThat(p.path("FunctionResponseTypes").toString()).contains("ReportBatchItemFailures");
            assertThat(p.path("MaximumRetryAttempts").isMissingNode()).as("bounded retries").isFalse();
            String dlq = p.path("DestinationConfig").path("OnFailure").path("Destination").asText()
                    .replace(".Arn", "");
            assertThat(template.path("Resources").path(dlq).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
            assertThat(resources("AWS::CloudWatch::Alarm")).as("an alarm on %s", dlq).anySatisfy(alarm ->
                    assertThat(alarm.getValue().path("Dimensions").toString()).contains(dlq));
        }
    }

    @Test
    void everyAlarm_notifiesSomeone() {
        List<Map.Entry<String, JsonNode>> alarms = resources("AWS::CloudWatch::Alarm");
        assertThat(alarms).isNotEmpty();
        for (Map.Entry<String, JsonNode> alarm : alarms) {
            assertThat(alarm.getValue().path("AlarmActions").size()).as("AlarmActions of %s", alarm.getKey())
                    .isPositive();
        }
    }

    @Test
    void everyAutoPublishedFunction_publishesOnAnyPropertyChange() {
        boolean globalAlias = template.path("Globals").path("Function").has("AutoPublishAlias");
        for (Map.Entry<String, JsonNode> function : resources("AWS::Serverless::Function")) {
            if (globalAlias || function.getValue().has("AutoPublishAlias")) {
                assertThat(function.getValue().path("AutoPublishAliasAllProperties").asBoolean(false))
                        .as("AutoPublishAliasAllProperties of %s", function.getKey()).isTrue();
            }
        }
    }

    private static Duration timeout(JsonNode function) {
        JsonNode own = function.path("Timeout");
        return Duration.ofSeconds(own.isMissingNode() ? template.path("Globals").path("Function").path("Timeout")
                .asLong(3) : own.asLong());
    }

    private static JsonNode function(String export) {
        return resources("AWS::Serverless::Function").stream().map(Map.Entry::getValue)
                .filter(f -> export.equals(exportOf(f))).findFirst().orElseThrow();
    }

    private static String exportOf(JsonNode function) {
        return function.path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText();
    }

    /** Properties of every resource of {@code type}, by logical id. */
    private static List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                found.add(Map.entry(r.getKey(), r.getValue().path("Properties")));
            }
        });
        return found;
    }
}
