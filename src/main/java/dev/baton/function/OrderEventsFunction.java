package dev.baton.function;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;

import dev.baton.events.app.ChangeDecoder;
import dev.baton.events.app.EventRelay;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of the event relay, triggered by the orders table's change stream. Funqy hands each record of
 * a batch to this method in stream order and reports the records that threw in {@code batchItemFailures}; Lambda
 * reads the shard again from the first of them, so nothing after a failure is lost (a record after it may be
 * published twice, with the same event id).
 * Deployed with {@code QUARKUS_FUNQY_EXPORT=order-events}.
 */
public class OrderEventsFunction {

    private final EventRelay relay;
    private final ChangeDecoder<DynamodbStreamRecord> decoder;

    OrderEventsFunction(EventRelay relay, ChangeDecoder<DynamodbStreamRecord> decoder) {
        this.relay = relay;
        this.decoder = decoder;
    }

    /** Stores and publishes the event of one stream record, if it has one; throws when it must be read again. */
    @Funq("order-events")
    public void events(DynamodbStreamRecord record) {
        relay.relay(decoder, record);
    }
}
