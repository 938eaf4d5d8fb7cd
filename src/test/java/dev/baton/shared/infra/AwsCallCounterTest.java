package dev.baton.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * {@link AwsCallCounter}: calls are always counted; consumed capacity is asked for and summed only when
 * switched on. Each test uses its own service name, because the counts are JVM-wide.
 */
class AwsCallCounterTest {

    private final AwsCallCounter off = new AwsCallCounter(() -> false);
    private final AwsCallCounter on = new AwsCallCounter(() -> true);

    @Test
    void switchedOff_requestsAreLeftAlone_andCallsAreStillCounted() {
        // given
        GetItemRequest request = GetItemRequest.builder().tableName("t").build();

        // when
        SdkRequest sent = off.modifyRequest(context(request, null), attributes("OffDb", "GetItem"));
        off.afterExecution(context(request, GetItemResponse.builder().build()), attributes("OffDb", "GetItem"));

        // then
        assertThat(sent).isSameAs(request);
        assertThat(AwsCallCounter.snapshot()).containsEntry("OffDb.GetItem", 1L);
        assertThat(AwsCallCounter.capacitySnapshot()).doesNotContainKey("OffDb.GetItem");
    }

    @Test
    void switchedOn_dynamoDbRequestsAskForCapacityWithIndexes_othersAreLeftAlone() {
        // given
        GetItemRequest get = GetItemRequest.builder().tableName("t").build();
        TransactWriteItemsRequest transact = TransactWriteItemsRequest.builder().build();
        SendMessageRequest send = SendMessageRequest.builder().queueUrl("q").build();

        // when / then
        assertThat(((GetItemRequest) on.modifyRequest(context(get, null), attributes("OnDb", "GetItem")))
                .returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.INDEXES);
        assertThat(((TransactWriteItemsRequest) on.modifyRequest(context(transact, null),
                attributes("OnDb", "TransactWriteItems"))).returnConsumedCapacity())
                .isEqualTo(ReturnConsumedCapacity.INDEXES);
        assertThat(on.modifyRequest(context(send, null), attributes("OnSqs", "SendMessage"))).isSameAs(send);
    }

    @Test
    void switchedOn_unitsAreSummedAsReadsOrWrites_perOperation() {
        // given a read with only the total, an update that splits it and updates an index, and a transaction
        // over two tables
        ConsumedCapacity half = ConsumedCapacity.builder().capacityUnits(0.5).build();
        ConsumedCapacity threeWrites = ConsumedCapacity.builder().capacityUnits(3.0).writeCapacityUnits(3.0)
                .globalSecondaryIndexes(Map.of("byState", Capacity.builder().capacityUnits(2.0).build())).build();
        ConsumedCapacity twoWrites = ConsumedCapacity.builder().capacityUnits(2.0).build();

        // when
        on.afterExecution(context(null, GetItemResponse.builder().consumedCapacity(half).build()),
                attributes("SumDb", "GetItem"));
        on.afterExecution(context(null, GetItemResponse.builder().consumedCapacity(half).build()),
                attributes("SumDb", "GetItem"));
        on.afterExecution(context(null, UpdateItemResponse.builder().consumedCapacity(threeWrites).build()),
                attributes("SumDb", "UpdateItem"));
        on.afterExecution(context(null, TransactWriteItemsResponse.builder().consumedCapacity(twoWrites, twoWrites)
                .build()), attributes("SumDb", "TransactWriteItems"));
        on.afterExecution(context(null, SendMessageResponse.builder().build()), attributes("SumSqs", "SendMessage"));

        // then
        Map<String, double[]> capacity = AwsCallCounter.capacitySnapshot();
        assertThat(capacity.get("SumDb.GetItem")).containsExactly(1.0, 0.0, 0.0);
        assertThat(capacity.get("SumDb.UpdateItem")).containsExactly(0.0, 3.0, 2.0);
        assertThat(capacity.get("SumDb.TransactWriteItems")).containsExactly(0.0, 4.0, 0.0);
        assertThat(capacity.get("SumSqs.SendMessage")).containsExactly(0.0, 0.0, 0.0);
        assertThat(AwsCallCounter.snapshot()).containsEntry("SumDb.GetItem", 2L)
                .containsEntry("SumSqs.SendMessage", 1L);
    }

    @Test
    void failedCalls_areCounted() {
        // when
        on.onExecutionFailure(new Failed(), attributes("FailDb", "PutItem"));

        // then
        assertThat(AwsCallCounter.snapshot()).containsEntry("FailDb.PutItem", 1L);
    }

    /** A conditional write that failed. */
    private static final class Failed implements Context.FailedExecution {
        @Override
        public SdkRequest request() {
            return PutItemRequest.builder().build();
        }

        @Override
        public Optional<SdkHttpRequest> httpRequest() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkHttpResponse> httpResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkResponse> response() {
            return Optional.empty();
        }

        @Override
        public Throwable exception() {
            return new IllegalStateException("condition failed");
        }
    }

    private static InterceptorContext context(SdkRequest request, SdkResponse response) {
        return InterceptorContext.builder().request(request == null ? GetItemRequest.builder().build() : request)
                .response(response).build();
    }

    private static ExecutionAttributes attributes(String service, String operation) {
        return new ExecutionAttributes().putAttribute(SdkExecutionAttribute.SERVICE_NAME, service)
                .putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
    }
}
