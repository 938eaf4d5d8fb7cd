package dev.baton.order.infra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderStore;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Owner;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@link OrderStore} on DynamoDB: one item per order ({@code pk} = order id). Scalars that conditions and
 * indexes need are attributes; the nested rest is one JSON document ({@link OrderDocument}). Every write
 * is a PutItem conditioned on the version read, so a concurrent write is detected, never overwritten.
 */
@ApplicationScoped
public class DynamoOrderStore implements OrderStore {

    /** Largest order item Baton writes, well under DynamoDB's 400 KB item limit. */
    public static final int MAX_ITEM_BYTES = 350_000;

    static final String PK = "pk";
    static final String VERSION = "version";
    static final String BUSINESS_TYPE = "businessType";
    static final String OWNER_PLATFORM = "ownerPlatform";
    static final String OWNER_TERMINAL = "ownerTerminal";
    static final String REQUEST_HASH = "requestHash";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String DOC = "doc";

    private final DynamoDbClient dynamo;
    private final String table;
    private static final OrderDocument DOCUMENTS = new OrderDocument();

    DynamoOrderStore(DynamoDbClient dynamo, BatonConfig config) {
        this.dynamo = dynamo;
        this.table = config.tables().orders();
    }

    @Override
    public Optional<Order> find(String orderId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of(PK, AttributeValue.fromS(orderId)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(order(item));
        } catch (SdkException e) {
            throw new StoreUnavailableException("GetItem", "order " + orderId, e);
        }
    }

    @Override
    public void create(Order order) {
        put(order, PutItemRequest.builder().conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)), () -> new OrderExistsException(order.id()));
    }

    @Override
    public void update(Order order) {
        put(order, PutItemRequest.builder().conditionExpression("#v = :read")
                .expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(order.version() - 1)))),
                () -> new ConcurrentUpdateException(order.id()));
    }

    private void put(Order order, PutItemRequest.Builder request,
                     java.util.function.Supplier<RuntimeException> onConflict) {
        Map<String, AttributeValue> item = item(order);
        int size = item.get(DOC).s().getBytes(StandardCharsets.UTF_8).length + 1_000;
        if (size > MAX_ITEM_BYTES) {
            throw new OrderTooLargeException(order.id(), MAX_ITEM_BYTES);
        }
        try {
            dynamo.putItem(request.tableName(table).item(item).build());
        } catch (ConditionalCheckFailedException e) {
            throw onConflict.get();
        } catch (SdkException e) {
            throw new StoreUnavailableException("PutItem", "order " + order.id(), e);
        }
    }

    private Map<String, AttributeValue> item(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(order.id()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(order.version())));
        if (order.businessType() != null) {
            item.put(BUSINESS_TYPE, AttributeValue.fromS(order.businessType()));
        }
        if (order.owner() != null) {
            item.put(OWNER_PLATFORM, AttributeValue.fromS(order.owner().platform()));
            item.put(OWNER_TERMINAL, AttributeValue.fromS(order.owner().terminalId()));
        }
        item.put(REQUEST_HASH, AttributeValue.fromS(order.requestHash()));
        item.put(CREATED_AT, AttributeValue.fromS(order.createdAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(order.updatedAt().toString()));
        item.put(DOC, AttributeValue.fromS(DOCUMENTS.write(new OrderDocument.Parts(order.pins(), order.progress(),
                order.handoffs(), order.data(), order.owner() == null ? null : order.owner().since(), order.grants(),
                order.startedBy()))));
        return item;
    }

    /**
     * The order an order item holds. Also for readers of the table's change stream (the events feature), which
     * must tell the order items from the sync items ({@code pk} with a {@code #}) before calling this.
     */
    public static Order order(Map<String, AttributeValue> item) {
        OrderDocument.Parts parts = DOCUMENTS.read(item.get(DOC).s());
        Owner owner = item.containsKey(OWNER_PLATFORM) ? new Owner(item.get(OWNER_PLATFORM).s(),
                item.get(OWNER_TERMINAL).s(), parts.ownerSince()) : null;
        return new Order(item.get(PK).s(), item.containsKey(BUSINESS_TYPE) ? item.get(BUSINESS_TYPE).s() : null,
                owner, parts.pins(), parts.progress(), parts.handoffs(), parts.grants(), parts.startedBy(),
                parts.data(), item.get(REQUEST_HASH).s(), Long.parseLong(item.get(VERSION).n()), Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()));
    }
}
