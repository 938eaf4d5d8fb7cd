package dev.baton.bench.inprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A bench-only interceptor on the application's DynamoDB client ({@link InProcessProfile} adds it beside
 * {@code AwsCallCounter}): the time this thread spent inside DynamoDB calls, from the SDK's first hook to its last
 * (marshalling, the HTTP exchange with DynamoDB Local, unmarshalling — what the floor's calls cost too), so an
 * operation's time splits into storage and everything else. While {@link #capture} is on it also keeps the items
 * this thread put: the floor writes exactly those items.
 */
public class StorageClock implements ExecutionInterceptor {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[2]);
    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<List<Map<String, AttributeValue>>> CAPTURED = new ThreadLocal<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        STARTED.get()[0] = System.nanoTime();
        List<Map<String, AttributeValue>> captured = CAPTURED.get();
        if (captured != null && context.request() instanceof PutItemRequest put) {
            captured.add(put.item());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        stop();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        stop();
    }

    private static void stop() {
        long[] spent = SPENT.get();
        spent[0] += System.nanoTime() - STARTED.get()[0];
        spent[1]++;
    }

    /** Starts counting this thread's storage time from zero. */
    static void reset() {
        long[] spent = SPENT.get();
        spent[0] = 0;
        spent[1] = 0;
    }

    /** Nanoseconds this thread spent in DynamoDB calls since {@link #reset}. */
    static long nanos() {
        return SPENT.get()[0];
    }

    /** DynamoDB calls this thread made since {@link #reset}. */
    static long calls() {
        return SPENT.get()[1];
    }

    /** Keeps the items this thread puts from now on, until {@link #captured}. */
    static void capture() {
        CAPTURED.set(new ArrayList<>());
    }

    /** The items put since {@link #capture}, in order; capturing stops. */
    static List<Map<String, AttributeValue>> captured() {
        List<Map<String, AttributeValue>> items = CAPTURED.get();
        CAPTURED.remove();
        return items == null ? List.of() : items;
    }
}
