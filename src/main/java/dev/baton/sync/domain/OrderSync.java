package dev.baton.sync.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import dev.baton.order.domain.NodeData;

/**
 * The sync state machine of one order (docs/semantics.md, "Sync semantics"), written once: every transition
 * is a pure method that checks its precondition and returns the next state at {@code version + 1}; storage
 * writes it on the condition that the stored version is still {@code version} (so of two racing transitions
 * exactly one is stored). The compact constructor refuses every state that cannot exist.
 * <p>
 * Write-ahead: from the first claim on, the state holds everything an attempt needs (payload, downstream,
 * idempotency key), so whoever finds it later (a retry worker, the sweeper after a crash) can run it again.
 *
 * @param attempt       attempts started in this sync (0 before the first, and after a redrive)
 * @param payload       what is sent; personal data, never logged ({@link NodeData#toString()} hides it)
 * @param nextAttemptAt {@code ASYNC_PENDING}: when the next attempt is due
 * @param leaseUntil    {@code SYNCING}: when the lease of the caller or worker running the attempt expires
 * @param lostLeases    attempts of this sync that ended without a recorded outcome
 * @param lastFailure   the last failed attempt's classification, if the current sync had one
 * @param reference     {@code SYNCED}: the downstream's reference, if it gave one
 * @param deadReason    {@code DEAD} and {@code NEEDS_REVIEW}: why async processing stopped trying
 * @param redrives      how often an operator sent the order back to async processing
 * @param version       0 for a state never stored
 */
public record OrderSync(String orderId, SyncState state, int attempt, String idempotencyKey, String downstream,
                        String businessType, NodeData payload, Instant firstAttemptAt, Instant nextAttemptAt,
                        Instant leaseUntil, int lostLeases, LastFailure lastFailure, String reference,
                        DeadReason deadReason, int redrives, Instant changedAt, long version) {

    /** States a sync call starts a new sync from (with a new idempotency key); the others are answered as they are. */
    public static final Set<SyncState> STARTABLE = Set.of(SyncState.NOT_SYNCED, SyncState.INVALID, SyncState.REJECTED);
    /** States an operator may send back to async processing: a human has looked at them. */
    public static final Set<SyncState> REDRIVABLE = Set.of(SyncState.DEAD, SyncState.NEEDS_REVIEW);
    /** Attempts of one sync that may end without an outcome before the order is {@code DEAD} ({@link DeadReason#LEASES_LOST}). */
    public static final int MAX_LOST_LEASES = 5;

    public OrderSync {
        require(orderId != null && state != null && changedAt != null && attempt >= 0 && version >= 0
                && lostLeases >= 0 && redrives >= 0, "needs an order id, a state, a change time and counts >= 0");
        boolean started = state != SyncState.NOT_SYNCED;
        require(!started || (idempotencyKey != null && downstream != null && payload != null && firstAttemptAt != null),
                state + " needs the idempotency key, downstream, payload and first attempt time");
        require((state == SyncState.SYNCING) == (leaseUntil != null), "a lease exactly while SYNCING");
        require(state != SyncState.SYNCING || attempt >= 1, "SYNCING runs attempt 1 or later");
        require((state == SyncState.ASYNC_PENDING) == (nextAttemptAt != null), "a next attempt exactly while ASYNC_PENDING");
        require(state == SyncState.SYNCED || reference == null, "a reference only when SYNCED");
        require(REDRIVABLE.contains(state) == (deadReason != null), "a reason exactly when DEAD or NEEDS_REVIEW");
        require(state != SyncState.NEEDS_REVIEW || lastFailure != null && (deadReason == DeadReason.ATTEMPTS_EXHAUSTED
                || deadReason == DeadReason.DEADLINE_PASSED), "NEEDS_REVIEW needs its classification and a used-up"
                + " budget");
        require(state != SyncState.INVALID && state != SyncState.REJECTED || lastFailure != null,
                state + " needs the classification that decided it");
    }

    /** An order that was never synced. */
    public static OrderSync never(String orderId, Instant now) {
        return new OrderSync(orderId, SyncState.NOT_SYNCED, 0, null, null, null, null, null, null, null, 0, null, null,
                null, 0, now, 0);
    }

    /** Starts a new sync: attempt 1 under a lease, with a new idempotency key and the payload recorded first. */
    public OrderSync start(String key, String downstreamName, String type, NodeData body, Instant lease, Instant now) {
        require(STARTABLE.contains(state), "a sync starts from " + STARTABLE + ", not " + state);
        require(key != null && downstreamName != null && body != null && lease.isAfter(now), "start needs key, "
                + "downstream, payload and a lease in the future");
        return new OrderSync(orderId, SyncState.SYNCING, 1, key, downstreamName, type, body, now, null, lease, 0,
                null, null, null, redrives, now, version + 1);
    }

    /** A retry worker takes attempt {@code next} (the one after the last) under a lease. */
    public OrderSync claimRetry(int next, Instant lease, Instant now) {
        require(isDueFor(next), "attempt " + next + " needs ASYNC_PENDING at attempt " + (next - 1));
        return moved(SyncState.SYNCING, next, null, lease, lostLeases, lastFailure, null, null, now);
    }

    /** True when this is {@code ASYNC_PENDING} and the next attempt to run is {@code next}. */
    public boolean isDueFor(int next) {
        return state == SyncState.ASYNC_PENDING && attempt == next - 1;
    }

    /**
     * True when this is in {@code state} and its due time (the lease's end while {@code SYNCING}, the next attempt
     * while {@code ASYNC_PENDING}) is not after {@code dueBefore}: the sweeper's precondition for
     * {@link #leaseExpired} and {@link #resend}.
     */
    public boolean needsRecovery(SyncState inState, Instant dueBefore) {
        Instant due = state == SyncState.SYNCING ? leaseUntil : nextAttemptAt;
        return state == inState && due != null && !due.isAfter(dueBefore);
    }

    /** The downstream accepted the attempt: final. The last failure of this sync stays as history. */
    public OrderSync succeeded(String downstreamReference, Instant now) {
        requireState(SyncState.SYNCING, "succeeded");
        return moved(SyncState.SYNCED, attempt, null, null, lostLeases, lastFailure, downstreamReference, null, now);
    }

    /**
     * The attempt failed as {@code c} says. An async processing category is retried later ({@code ASYNC_PENDING})
     * while its policy in {@code policies} allows another attempt, counted over the whole sync; when it allows none
     * the order goes where {@link Category#whenRetriesRunOut()} says ({@code DEAD} or {@code NEEDS_REVIEW}, with the
     * reason). {@code INVALID_DATA} and {@code REJECTED} are final at once.
     */
    public OrderSync failed(Classification c, String maskedMessage, RetryPolicies policies, Instant now,
                            RandomGenerator random) {
        requireState(SyncState.SYNCING, "failed");
        LastFailure last = LastFailure.of(c, maskedMessage, now);
        Optional<RetryPolicy> policy = policies.forCategory(c.category());
        if (policy.isEmpty()) {
            return moved(c.category().afterFailure(), attempt, null, null, lostLeases, last, null, null, now);
        }
        Optional<Instant> next = policy.get().nextAttemptAt(attempt, firstAttemptAt, now, c.failure().retryAfter(),
                random);
        if (next.isPresent()) {
            return moved(c.category().afterFailure(), attempt, next.get(), null, lostLeases, last, null, null, now);
        }
        DeadReason why = attempt >= policy.get().maxAttempts() ? DeadReason.ATTEMPTS_EXHAUSTED
                : DeadReason.DEADLINE_PASSED;
        return moved(c.category().whenRetriesRunOut(), attempt, null, null, lostLeases, last, null, why, now);
    }

    /**
     * The category whose retry policy governs this sync's next attempt: the last classified failure's; {@code
     * TRANSIENT} when there is none (a fresh or redriven sync) or the last attempt ended without an outcome (a
     * lost lease says nothing about the downstream).
     */
    public Category retryCategory() {
        if (lastFailure == null || LastFailure.LEASE_EXPIRED_RULE.equals(lastFailure.ruleId())) {
            return Category.TRANSIENT;
        }
        Category c = Category.valueOf(lastFailure.category());
        return c.asyncProcessing() ? c : Category.TRANSIENT;
    }

    /**
     * True when {@code policies} (the downstream's settings now, which may have tightened since the attempt was
     * scheduled) still allow attempt {@code next} of this sync.
     */
    public boolean allows(RetryPolicies policies, int next) {
        return next <= policies.forCategory(retryCategory()).orElseThrow().maxAttempts();
    }

    /**
     * The attempt budget is spent before the next attempt (see {@link #allows}): {@code DEAD}, or {@code
     * NEEDS_REVIEW} when the last failure was {@code UNKNOWN}, as {@link Category#whenRetriesRunOut()} says.
     */
    public OrderSync budgetSpent(Instant now) {
        requireState(SyncState.ASYNC_PENDING, "budgetSpent");
        SyncState to = retryCategory().whenRetriesRunOut();
        return moved(to, attempt, null, null, lostLeases, lastFailure, null, DeadReason.ATTEMPTS_EXHAUSTED, now);
    }

    /**
     * The lease expired with no outcome recorded (the process died or overran): the same attempt is due again at
     * once, with the same key — it does not count against the attempt budget, but it is recorded, and after
     * {@link #MAX_LOST_LEASES} such attempts the order is {@code DEAD} ({@link DeadReason#LEASES_LOST}).
     */
    public OrderSync leaseExpired(Instant now) {
        requireState(SyncState.SYNCING, "leaseExpired");
        require(!leaseUntil.isAfter(now), "the lease runs until " + leaseUntil);
        LastFailure last = LastFailure.leaseExpired(attempt, now);
        if (lostLeases + 1 >= MAX_LOST_LEASES) {
            return moved(SyncState.DEAD, attempt, null, null, lostLeases + 1, last, null, DeadReason.LEASES_LOST, now);
        }
        return moved(SyncState.ASYNC_PENDING, attempt - 1, now, null, lostLeases + 1, last, null, null, now);
    }

    /** The retry message of an overdue {@code ASYNC_PENDING} order was lost: it is due again now. */
    public OrderSync resend(Instant now) {
        requireState(SyncState.ASYNC_PENDING, "resend");
        require(!nextAttemptAt.isAfter(now), "the next attempt is due at " + nextAttemptAt);
        return moved(SyncState.ASYNC_PENDING, attempt, now, null, lostLeases, lastFailure, null, null, now);
    }

    /** Async processing gives up without another attempt (its budget is spent or its settings are gone). */
    public OrderSync dead(DeadReason why, Instant now) {
        require(state == SyncState.ASYNC_PENDING || state == SyncState.SYNCING, "only an order in async processing"
                + " dies, not " + state);
        return moved(SyncState.DEAD, attempt, null, null, lostLeases, lastFailure, null, why, now);
    }

    /**
     * An operator sends a {@code DEAD} or {@code NEEDS_REVIEW} order back to async processing: due now, with a
     * fresh budget (attempt 0, the deadline counting from now) and the same idempotency key (the downstream may have
     * seen earlier attempts). The old classification is not current any more and is dropped.
     */
    public OrderSync redriven(Instant now) {
        require(REDRIVABLE.contains(state), "redriven needs " + REDRIVABLE + ", not " + state);
        return new OrderSync(orderId, SyncState.ASYNC_PENDING, 0, idempotencyKey, downstream, businessType, payload,
                now, now, null, 0, null, null, null, redrives + 1, now, version + 1);
    }

    /**
     * An operator releases a {@code NEEDS_REVIEW} order after a rule now classifies its last failure as {@code c}
     * (its category known, not {@code UNKNOWN}): an async processing category goes back to async processing like
     * {@link #redriven}; {@code INVALID_DATA} and {@code REJECTED} end in their final state with {@code c} as the
     * classification that decided it.
     *
     * @param maskedMessage the failure's message, already masked
     */
    public OrderSync released(Classification c, String maskedMessage, Instant now) {
        requireState(SyncState.NEEDS_REVIEW, "released");
        require(c.category() != Category.UNKNOWN, "a release needs a known category, not UNKNOWN");
        if (c.asyncProcessing()) {
            return redriven(now);
        }
        return moved(c.category().afterFailure(), attempt, null, null, lostLeases, LastFailure.of(c, maskedMessage,
                now), null, null, now);
    }

    private OrderSync moved(SyncState to, int toAttempt, Instant next, Instant lease, int lost, LastFailure last,
                            String ref, DeadReason why, Instant now) {
        return new OrderSync(orderId, to, toAttempt, idempotencyKey, downstream, businessType, payload,
                firstAttemptAt, next, lease, lost, last, ref, why, redrives, now, version + 1);
    }

    private void requireState(SyncState expected, String transition) {
        require(state == expected, transition + " needs " + expected + ", not " + state);
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException("sync state: " + rule);
        }
    }
}
