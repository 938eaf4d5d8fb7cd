package dev.baton.events.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.baton.events.app.EventStore;
import dev.baton.events.domain.OrderEvent;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link EventStore} on the events table (template {@code EventsTable}): one item per event, {@code pk} the order
 * id, {@code sk} {@code <commit epoch ms, 13 digits>#<stream>#<sequence, 12 digits>} so a Query reads an order's
 * events oldest first. The item holds the event exactly as published ({@value #EVENT}, ids and states only) and
 * {@value #EXPIRES_AT}, the table's TTL attribute: DynamoDB deletes an event {@link #RETENTION} after its change.
 * The key is a function of the event id's inputs (order, stream, sequence) and the change's own time, so a
 * redelivered record meets its item and the conditional put refuses it.
 */
@ApplicationScoped
public class DynamoEventStore implements EventStore {

    /** How long an event stays readable (README "Order events"); DynamoDB's TTL removes it within days after. */
    public static final Duration RETENTION = Duration.ofDays(180);

    static final String PK = "pk";
    static final String SK = "sk";
    static final String ID = "id";
    static final String TYPE = "type";
    static final String EVENT = "event";
    static final String EXPIRES_AT = "expiresAt";
    private static final Pattern SORT_KEY = Pattern.compile("[0-9]{13}#(order|sync)#[0-9]{12}");
    /** Between a cursor's sort key and its order id. */
    private static final String CURSOR_ORDER = "@";

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    DynamoEventStore(DynamoDbClient dynamo, BatonConfig config) {
        this(dynamo, config.tables().events());
    }

    /** The store on {@code table} (the local stack's stream reader builds it without CDI). */
    public DynamoEventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean add(OrderEvent event) {
        Map<String, AttributeValue> item = Map.of(
                PK, AttributeValue.fromS(event.orderId()),
                SK, AttributeValue.fromS(sortKey(event)),
                ID, AttributeValue.fromS(event.id()),
                TYPE, AttributeValue.fromS(event.type().wireName()),
                EVENT, AttributeValue.fromS(EventJson.text(event)),
                EXPIRES_AT, AttributeValue.fromN(Long.toString(event.time().plus(RETENTION).getEpochSecond())));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + SK + ")"));
            return true;
        } catch (ConditionalCheckFailedException redelivered) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("PutItem (order event)", "event " + event.id(), e);
        }
    }

    @Override
    public Page page(String orderId, int limit, String cursor) {
        String after = cursor == null ? null : decode(cursor, orderId);
        QueryResponse answer;
        try {
            // one more than asked: a next cursor only when there is a next page
            answer = dynamo.query(b -> {
                b.tableName(table).keyConditionExpression(PK + " = :o")
                        .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(orderId)))
                        .projectionExpression(SK + ", " + EVENT).scanIndexForward(true).limit(limit + 1);
                if (after != null) {
                    b.exclusiveStartKey(Map.of(PK, AttributeValue.fromS(orderId), SK, AttributeValue.fromS(after)));
                }
            });
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query (order events)", "order " + orderId, e);
        }
        List<Map<String, AttributeValue>> items = answer.items();
        List<Map<String, AttributeValue>> shown = items.subList(0, Math.min(limit, items.size()));
        String next = items.size() > limit ? encode(shown.get(shown.size() - 1).get(SK).s(), orderId) : null;
        return new Page(shown.stream().map(i -> EventJson.parse(i.get(EVENT).s())).toList(), next);
    }

    /** The sort key of {@code event}: commit time first, so an order's two streams interleave as they happened. */
    static String sortKey(OrderEvent event) {
        return String.format("%013d#%s#%012d", event.time().toEpochMilli(), event.stream().wireName(),
                event.sequence());
    }

    /**
     * A cursor is the sort key of the last event answered and the order it belongs to, as base64url: a cursor of
     * another order's events is refused like any foreign cursor, instead of skipping this order's events up to a
     * position in someone else's timeline.
     */
    private static String encode(String sortKey, String orderId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sortKey + CURSOR_ORDER + orderId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String orderId) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int at = decoded.indexOf(CURSOR_ORDER);
            if (at > 0 && SORT_KEY.matcher(decoded.substring(0, at)).matches()
                    && decoded.substring(at + CURSOR_ORDER.length()).equals(orderId)) {
                return decoded.substring(0, at);
            }
        } catch (IllegalArgumentException e) {
            // not base64url: the same answer as any other foreign cursor
        }
        throw new BadCursorException();
    }
}
