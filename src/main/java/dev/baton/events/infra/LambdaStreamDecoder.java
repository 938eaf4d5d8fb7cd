package dev.baton.events.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;

import dev.baton.events.app.ChangeDecoder;
import dev.baton.events.domain.OrderEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes Lambda's DynamoDB stream records: their images use Lambda's own attribute type, which is converted to
 * the SDK's so the order and sync mappers read them as they read a GetItem answer.
 */
@ApplicationScoped
public class LambdaStreamDecoder implements ChangeDecoder<DynamodbStreamRecord> {

    @Override
    public Optional<OrderEvent> eventOf(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null) {
            return Optional.empty();
        }
        return StreamImages.event(image(record.getDynamodb().getOldImage()),
                image(record.getDynamodb().getNewImage()));
    }

    static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> sdk = new LinkedHashMap<>();
        image.forEach((name, value) -> sdk.put(name, value(value)));
        return sdk;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        } else if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        } else if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        } else if (v.getM() != null) {
            return AttributeValue.fromM(image(v.getM()));
        } else if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(LambdaStreamDecoder::value).toList());
        } else if (v.getSS() != null) {
            return AttributeValue.fromSs(List.copyOf(v.getSS()));
        } else if (v.getNS() != null) {
            return AttributeValue.fromNs(List.copyOf(v.getNS()));
        } else if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        return AttributeValue.fromNul(true);
    }
}
