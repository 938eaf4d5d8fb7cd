package dev.baton.events.infra;

import static dev.baton.events.domain.Changes.completed;
import static dev.baton.events.domain.Changes.failed;
import static dev.baton.events.domain.Changes.handedOff;
import static dev.baton.events.domain.Changes.started;
import static dev.baton.events.domain.Changes.syncing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.baton.events.domain.EventType;
import dev.baton.events.domain.OrderChanges;
import dev.baton.events.domain.OrderEvent;
import dev.baton.events.domain.SyncChanges;
import dev.baton.order.domain.Order;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.OrderSync;

/**
 * Every event type has its schema in {@code docs/events/<type>.v1.json}, and every event Baton produces validates
 * against it (JSON Schema 2020-12, formats asserted) and carries none of the order's data.
 */
class EventSchemasTest {

    private static final Path SCHEMAS = Path.of("docs/events");

    @Test
    void everyEventType_hasAVersionedSchema_andNoSchemaIsOrphaned() throws IOException {
        Set<String> files = new java.util.TreeSet<>();
        try (var list = Files.list(SCHEMAS)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                .map(t -> t.wireName() + ".v" + OrderEvent.SCHEMA_VERSION + ".json").toList());
    }

    @Test
    void producedEvents_validateAgainstTheirSchemas_andCarryNoPersonalData() throws IOException {
        // given one event of every type, produced from real state transitions
        List<OrderEvent> events = everyKindOfEvent();
        assertThat(events).extracting(OrderEvent::type).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(EventType.class));
        for (OrderEvent event : events) {
            // when
            JsonNode json = EventJson.json(event);
            Set<ValidationMessage> errors = schema(event.type()).validate(json);
            // then
            assertThat(errors).as(event.type() + ": " + json).isEmpty();
            assertThat(json.toString()).doesNotContain("Zhang San", "110101199003077758", "系统繁忙");
        }
    }

    @Test
    void aFieldTheSchemaDoesNotKnow_isRefused() throws IOException {
        var json = EventJson.json(OrderChanges.between(null, started("A-1")).orElseThrow());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("state")).put("applicant", "Zhang San");
        assertThat(schema(EventType.ORDER_STARTED).validate(json)).isNotEmpty();
    }

    private static List<OrderEvent> everyKindOfEvent() {
        List<OrderEvent> events = new ArrayList<>();
        Order order = started("A-1");
        Order done = completed(order, "quote");
        events.add(OrderChanges.between(null, order).orElseThrow());
        events.add(OrderChanges.between(order, done).orElseThrow());
        events.add(OrderChanges.between(done, handedOff(done, "mobile", "app-7f3a")).orElseThrow());
        OrderSync first = syncing("A-1");
        OrderSync pending = failed(first, Category.TRANSIENT);
        OrderSync dead = pending.dead(DeadReason.ATTEMPTS_EXHAUSTED, pending.changedAt().plusSeconds(1));
        events.add(SyncChanges.between(first, first.succeeded("P1", first.changedAt().plusSeconds(1))).orElseThrow());
        events.add(SyncChanges.between(first, pending).orElseThrow());
        events.add(SyncChanges.between(first, failed(first, Category.INVALID_DATA)).orElseThrow());
        events.add(SyncChanges.between(first, failed(first, Category.REJECTED)).orElseThrow());
        events.add(SyncChanges.between(pending, dead).orElseThrow());
        events.add(SyncChanges.between(dead, dead.redriven(dead.changedAt().plusSeconds(1))).orElseThrow());
        OrderSync probing = failed(first, Category.UNKNOWN);
        OrderSync retrying = probing.claimRetry(2, probing.changedAt().plusSeconds(60), probing.changedAt());
        events.add(SyncChanges.between(retrying, failed(retrying, Category.UNKNOWN)).orElseThrow());
        return events;
    }

    static JsonSchema schema(EventType type) throws IOException {
        var config = com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(SCHEMAS.resolve(type.wireName() + ".v1.json")), config);
    }
}
