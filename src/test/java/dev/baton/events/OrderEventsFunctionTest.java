package dev.baton.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.order.app.OrderStore;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Owner;
import dev.baton.order.domain.Pins;
import dev.baton.support.Api;
import dev.baton.support.FakeEventBridge;
import dev.baton.support.LocalBackendsResource;
import dev.baton.support.OrderEventsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code order-events} function as Lambda runs it: a DynamoDB stream event (the shape Lambda delivers, images
 * of a real item read back from DynamoDB Local) in, PutEvents to the bus out, and a record whose events were not
 * accepted reported in {@code batchItemFailures} by its sequence number.
 */
@QuarkusTest
@TestProfile(OrderEventsProfile.class)
class OrderEventsFunctionTest {

    @Inject
    OrderStore orders;

    private final String orderId = "fn-" + UUID.randomUUID();

    @AfterEach
    void webhookUp() {
        FakeEventBridge.failing(false);
    }

    @Test
    void aCreatedOrder_isPutOnTheBus_asOrderStarted_withoutItsData() throws Exception {
        // given an order item as stored, in a stream record
        String event = streamEvent("101", null, storedOrder());
        int before = FakeEventBridge.entries().size();
        // when
        JsonNode answer = Api.invokeRaw(event);
        // then
        assertThat(answer.path("batchItemFailures").size()).as(answer.toString()).isZero();
        JsonNode entry = FakeEventBridge.entries().get(before);
        assertThat(entry.path("Source").asText()).isEqualTo("baton.orders");
        assertThat(entry.path("DetailType").asText()).isEqualTo("order.started");
        assertThat(entry.path("EventBusName").asText()).isEqualTo("baton-events-test");
        JsonNode detail = Api.JSON.readTree(entry.path("Detail").asText());
        assertThat(detail.path("orderId").asText()).isEqualTo(orderId);
        assertThat(detail.path("sequence").asLong()).isEqualTo(1);
        assertThat(entry.toString()).doesNotContain("Zhang San");
    }

    @Test
    void aRecordWhoseEventsTheBusRefuses_isReportedSoTheShardIsReadAgainFromIt_andStoredOnce() throws Exception {
        FakeEventBridge.failing(true);
        String event = streamEvent("202", null, storedOrder());
        JsonNode answer = Api.invokeRaw(event);
        assertThat(answer.path("batchItemFailures").toString()).contains("\"itemIdentifier\":\"202\"");
        // when Lambda delivers the record again and the bus takes it
        FakeEventBridge.failing(false);
        assertThat(Api.invokeRaw(event).path("batchItemFailures").size()).isZero();
        // then the event was stored once, as published, with its expiry
        var stored = LocalBackendsResource.backends().dynamo().query(q -> q
                .tableName(LocalBackendsResource.template().tableName("EventsTable"))
                .keyConditionExpression("pk = :o").expressionAttributeValues(Map.of(":o", AttributeValue.fromS(orderId))))
                .items();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("type").s()).isEqualTo("order.started");
        assertThat(stored.get(0).get("event").s()).doesNotContain("Zhang San");
        assertThat(Long.parseLong(stored.get(0).get("expiresAt").n())).isGreaterThan(Instant.now().plus(
                java.time.Duration.ofDays(179)).getEpochSecond());
    }

    @Test
    void aChangeChannelsNeedNotHear_putsNothing() throws Exception {
        Map<String, AttributeValue> item = storedOrder();
        int before = FakeEventBridge.entries().size();
        JsonNode answer = Api.invokeRaw(streamEvent("303", item, item)); // same version: nothing changed for channels
        assertThat(answer.path("batchItemFailures").size()).isZero();
        assertThat(FakeEventBridge.entries()).hasSize(before);
    }

    private Map<String, AttributeValue> storedOrder() {
        Instant now = Instant.now();
        orders.create(Order.start(orderId, "auto-policy", new Owner("phone", "agent-0042", now), Pins.NONE,
                new NodeData("{\"applicant\":\"Zhang San\"}"), "h", now));
        return LocalBackendsResource.backends().dynamo().getItem(b -> b.consistentRead(true)
                .tableName(LocalBackendsResource.template().tableName("OrdersTable"))
                .key(Map.of("pk", AttributeValue.fromS(orderId)))).item();
    }

    /** One record as Lambda's DynamoDB event source delivers it (NEW_AND_OLD_IMAGES). */
    private static String streamEvent(String sequence, Map<String, AttributeValue> oldImage,
                                      Map<String, AttributeValue> newImage) {
        ObjectNode root = Api.JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
        record.put("eventName", oldImage == null ? "INSERT" : "MODIFY");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "us-east-1");
        ObjectNode db = record.putObject("dynamodb");
        db.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
        db.set("Keys", image(Map.of("pk", newImage.get("pk"))));
        if (oldImage != null) {
            db.set("OldImage", image(oldImage));
        }
        db.set("NewImage", image(newImage));
        db.put("SequenceNumber", sequence);
        db.put("SizeBytes", 512);
        db.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventSourceARN", "arn:aws:dynamodb:us-east-1:123456789012:table/baton-orders/stream/"
                + "2026-12-01T00:00:00.000");
        return root.toString();
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = Api.JSON.createObjectNode();
        item.forEach((name, value) -> {
            ObjectNode v = out.putObject(name);
            if (value.s() != null) {
                v.put("S", value.s());
            } else if (value.n() != null) {
                v.put("N", value.n());
            } else if (value.bool() != null) {
                v.put("BOOL", value.bool());
            } else if (value.hasL()) {
                ArrayNode list = v.putArray("L");
                value.l().forEach(x -> list.add(image(Map.of("x", x)).get("x")));
            } else if (value.hasM()) {
                v.set("M", image(value.m()));
            }
        });
        return out;
    }
}
