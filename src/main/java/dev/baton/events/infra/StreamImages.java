package dev.baton.events.infra;

import java.util.Map;
import java.util.Optional;

import dev.baton.events.domain.OrderChanges;
import dev.baton.events.domain.OrderEvent;
import dev.baton.events.domain.SyncChanges;
import dev.baton.order.domain.Order;
import dev.baton.order.infra.DynamoOrderStore;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.infra.DynamoSyncStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The old and new image of one item of the orders table (a stream record with {@code NEW_AND_OLD_IMAGES}) read
 * with the order and sync features' own mappers, and the event their difference means. An item that was removed
 * (no new image) means nothing: Baton never deletes orders.
 */
public final class StreamImages {

    private StreamImages() {
    }

    /** The event of a change from {@code oldImage} (null or empty when created) to {@code newImage}. */
    public static Optional<OrderEvent> event(Map<String, AttributeValue> oldImage,
                                             Map<String, AttributeValue> newImage) {
        if (newImage == null || newImage.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrderSync> sync = DynamoSyncStore.fromItem(newImage);
        if (sync.isPresent()) {
            OrderSync before = present(oldImage) ? DynamoSyncStore.fromItem(oldImage).orElse(null) : null;
            return SyncChanges.between(before, sync.get());
        }
        Order before = present(oldImage) ? DynamoOrderStore.order(oldImage) : null;
        return OrderChanges.between(before, DynamoOrderStore.order(newImage));
    }

    private static boolean present(Map<String, AttributeValue> image) {
        return image != null && !image.isEmpty();
    }
}
