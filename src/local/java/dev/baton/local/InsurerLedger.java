package dev.baton.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stand-in insurer has seen: every submission by {@code Idempotency-Key}, and the keys it accepted per
 * order. Accepting is idempotent, as a well-behaved downstream is: the same key always gets the same proposal
 * number and counts once. The crash-point suite and the soak read it to count duplicates and losses.
 */
public final class InsurerLedger {

    /** Baton's default payload starts with the order id (its collected data). */
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, String> references = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> acceptedKeysByOrder = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger(100000);

    /** The order a submission is for, read from its body; {@code "?"} when the body names none. */
    static String orderIdOf(String body) {
        Matcher m = ORDER_ID.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    /** Counts one submission, whatever the insurer answers to it. */
    void received() {
        calls.incrementAndGet();
    }

    /** Accepts {@code key} for {@code orderId}: its proposal number, the same one on every call with that key. */
    String accept(String key, String orderId) {
        String reference = references.computeIfAbsent(key, k -> "P" + sequence.incrementAndGet());
        acceptedKeysByOrder.computeIfAbsent(orderId, o -> ConcurrentHashMap.newKeySet()).add(key);
        return reference;
    }

    /** Submissions received in any mode, repeats included. */
    public int calls() {
        return calls.get();
    }

    /** Distinct idempotency keys accepted (each counted once however often it was sent). */
    public int accepted() {
        return references.size();
    }

    /** The keys accepted for {@code orderId}: exactly one when the order was synced once. */
    public Set<String> acceptedKeys(String orderId) {
        return Set.copyOf(acceptedKeysByOrder.getOrDefault(orderId, Set.of()));
    }

    /** Every order with its accepted keys, sorted by order id. */
    public Map<String, Set<String>> acceptedByOrder() {
        Map<String, Set<String>> copy = new TreeMap<>();
        acceptedKeysByOrder.forEach((order, keys) -> copy.put(order, Set.copyOf(keys)));
        return copy;
    }
}
