package dev.baton.shared.infra;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS SDK calls per service operation (e.g. {@code DynamoDb.GetItem}) in this JVM. Registered on
 * the DynamoDB and SQS clients ({@code quarkus.<service>.interceptors}); the tests use it to prove call
 * budgets (a handoff is one read and one write) and the benchmark harness to count requests.
 */
@RegisterForReflection
public class AwsCallCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        count(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(attributes);
    }

    private static void count(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + "." + operation, k -> new LongAdder()).increment();
    }

    /** The calls counted so far, by {@code Service.Operation}, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** The calls counted since {@code before} (a {@link #snapshot()}), without zero entries. */
    public static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        snapshot().forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }
}
