package dev.baton.sync.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.Published;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureClassifier;
import dev.baton.sync.domain.FailureModel;
import dev.baton.sync.domain.FailureTemplate;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.Rule;
import dev.baton.sync.domain.RuleDryRun;
import dev.baton.sync.domain.SyncState;

/**
 * The operators' inbox of failures the rules missed (docs/classification.md, "The inbox"): list a downstream's
 * groups, dry-run a candidate rule over them, publish it, and release the group's {@code NEEDS_REVIEW} orders into
 * the path the rules now give them. Every order moves by {@link OrderSync#released}, stored on the condition that
 * its version is the one read; a release pages through the {@code NEEDS_REVIEW} listing and stops after
 * {@value #MAX_EXAMINED} orders with a cursor to continue from.
 */
@ApplicationScoped
public class InboxService {

    /** The most groups of one downstream a listing or dry run reads. */
    public static final int MAX_GROUPS = 1000;
    /** The most {@code NEEDS_REVIEW} orders one release call examines (a page of the listing at a time). */
    public static final int MAX_EXAMINED = 500;
    private static final int PAGE = 100;

    private final FailureInbox inbox;
    private final SyncStore store;
    private final DownstreamService downstreams;
    private final SyncAttempts attempts;
    private final Clock clock;

    InboxService(FailureInbox inbox, SyncStore store, DownstreamService downstreams, SyncAttempts attempts,
                 Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.downstreams = downstreams;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The groups of a downstream, most recently seen first, at most {@code limit}. */
    public FailureInbox.Groups list(String downstream, int limit) {
        downstreams.get(downstream);
        FailureInbox.Groups all = inbox.groups(downstream, MAX_GROUPS);
        List<InboxGroup> sorted = all.groups().stream()
                .sorted(Comparator.comparing(InboxGroup::lastSeen).reversed().thenComparing(InboxGroup::id)).toList();
        return new FailureInbox.Groups(sorted.subList(0, Math.min(limit, sorted.size())),
                all.truncated() || sorted.size() > limit);
    }

    /** A dry run's answer: the downstream version it ran against and what the candidate would change. */
    public record DryRun(int downstreamVersion, RuleDryRun.Result result, boolean truncated) {
    }

    /** What publishing {@code candidate} would change for the failures recorded of {@code downstream}. */
    public DryRun dryRun(String downstream, Rule candidate) {
        Downstream d = downstreams.get(downstream).value();
        FailureInbox.Groups groups = inbox.groups(downstream, MAX_GROUPS);
        List<RuleDryRun.Group> recorded = groups.groups().stream()
                .map(g -> new RuleDryRun.Group(g.id(), g.template(), g.count())).toList();
        return new DryRun(d.version(), RuleDryRun.run(recorded, d.rules(), candidate, FailureModel.shipped(),
                FailureClassifier.MODEL_THRESHOLD), groups.truncated());
    }

    /** The answer of a publish from a group: the settings published and, if asked, the release. */
    public record RulePublished(DownstreamService.Publication publication, boolean matchesGroup, Release release) {
    }

    /**
     * Publishes {@code rule} after the downstream's rules (the same rule again is no new version) and, when
     * {@code release}, releases the group's {@code NEEDS_REVIEW} orders with the rules just published.
     *
     * @throws NotFoundException when there is no such downstream or group
     */
    public RulePublished publish(String downstream, String groupId, Rule rule, boolean release) {
        InboxGroup group = group(downstream, groupId);
        DownstreamService.Publication published = downstreams.publishRule(downstream, rule);
        boolean matches = rule.matches(group.template().asFailure());
        return new RulePublished(published, matches, release ? release(downstream, groupId, null) : null);
    }

    /** How one order of a release went. */
    public enum Outcome {
        /** Moved to the state its new classification leads to. */
        RELEASED,
        /** The rules still leave its failure {@code UNKNOWN}. */
        STILL_UNKNOWN,
        /** Not waiting for review (still probed, already released, synced again ...). */
        NOT_NEEDS_REVIEW,
        /** Its state changed between this release's read and write: nothing written; release again to retry. */
        CHANGED_MEANWHILE
    }

    /** One order a release looked at. */
    public record ReleasedOrder(String orderId, Outcome outcome, SyncState state, String category, String ruleId) {
    }

    /**
     * A release's answer: orders examined on the listing, what happened to the group's orders, and the cursor to
     * continue from (null when the listing was read to its end).
     */
    public record Release(String groupId, int downstreamVersion, int examined, List<ReleasedOrder> orders,
                          String nextCursor) {

        /** How many orders had {@code outcome}. */
        public long count(Outcome outcome) {
            return orders.stream().filter(o -> o.outcome() == outcome).count();
        }
    }

    /**
     * Releases the {@code NEEDS_REVIEW} orders of group {@code groupId} with the downstream's current rules: a
     * transient or throttled classification goes back to async processing (like a redrive, same idempotency key),
     * invalid data or a rejection to its final state; an order still {@code UNKNOWN} stays. Idempotent: released
     * orders are no longer waiting for review. The first call (no cursor) also reports the group's example orders
     * that are not waiting for review.
     *
     * @throws NotFoundException when there is no such downstream or group
     * @throws SyncStore.BadCursorException when {@code cursor} is not one a release answered
     */
    public Release release(String downstream, String groupId, String cursor) {
        InboxGroup group = group(downstream, groupId);
        Downstream d = downstreams.get(downstream).value();
        Instant now = clock.instant();
        Map<String, ReleasedOrder> seen = new LinkedHashMap<>();
        int examined = 0;
        String next = cursor;
        do {
            SyncStore.Page page = store.list(List.of(SyncState.NEEDS_REVIEW), PAGE, next);
            for (SyncStore.Summary s : page.orders()) {
                examined++;
                if (inGroup(downstream, groupId, s.downstream(), s.lastFailure())) {
                    Optional<OrderSync> current = store.find(s.orderId());
                    current.ifPresent(o -> seen.put(o.orderId(), releaseOrder(o, d, groupId, now)));
                }
            }
            next = page.nextCursor();
        } while (next != null && examined + PAGE <= MAX_EXAMINED);
        if (cursor == null) {
            for (String example : group.examples()) {
                if (!seen.containsKey(example)) {
                    store.find(example).filter(o -> o.state() != SyncState.NEEDS_REVIEW).ifPresent(o -> seen.put(
                            example, new ReleasedOrder(example, Outcome.NOT_NEEDS_REVIEW, o.state(), null, null)));
                }
            }
        }
        return new Release(groupId, d.version(), examined, new ArrayList<>(seen.values()), next);
    }

    /**
     * Releases one order of group {@code groupId} from {@code read}, the state the caller read: reclassifies its
     * last failure with {@code d}'s rules and stores {@link OrderSync#released} if the stored version is still
     * {@code read}'s.
     */
    public ReleasedOrder releaseOrder(OrderSync read, Downstream d, String groupId, Instant now) {
        if (read.state() != SyncState.NEEDS_REVIEW
                || !inGroup(d.name(), groupId, read.downstream(), read.lastFailure())) {
            return new ReleasedOrder(read.orderId(), Outcome.NOT_NEEDS_REVIEW, read.state(), null, null);
        }
        LastFailure last = read.lastFailure();
        Classification c = FailureClassifier.classify(new dev.baton.sync.domain.Failure(
                dev.baton.sync.domain.FailureKind.valueOf(last.kind()), last.httpStatus(), last.code(),
                last.message(), null), d.rules());
        if (c.category() == dev.baton.sync.domain.Category.UNKNOWN) {
            return new ReleasedOrder(read.orderId(), Outcome.STILL_UNKNOWN, read.state(), c.category().name(),
                    c.ruleId());
        }
        OrderSync released = read.released(c, last.message(), now);
        try {
            store.write(released);
        } catch (SyncStore.StaleSyncException raced) {
            return new ReleasedOrder(read.orderId(), Outcome.CHANGED_MEANWHILE, read.state(), c.category().name(),
                    c.ruleId());
        }
        if (released.state() == SyncState.ASYNC_PENDING) {
            attempts.schedule(released, now);
        }
        return new ReleasedOrder(read.orderId(), Outcome.RELEASED, released.state(), c.category().name(), c.ruleId());
    }

    private InboxGroup group(String downstream, String groupId) {
        downstreams.get(downstream);
        return inbox.group(downstream, groupId).orElseThrow(() -> new NotFoundException("No inbox group " + groupId
                + " of downstream " + downstream + "."));
    }

    private static boolean inGroup(String downstream, String groupId, String orderDownstream, LastFailure last) {
        return downstream.equals(orderDownstream) && last != null
                && !LastFailure.LEASE_EXPIRED_RULE.equals(last.ruleId())
                && FailureTemplate.of(last).id().equals(groupId);
    }
}
