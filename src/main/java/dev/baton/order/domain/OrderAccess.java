package dev.baton.order.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may touch which order: the one place that decides it. The owning terminal reads, completes and syncs
 * its order and hands it over; operators read it with its data masked and may issue handoff grants; a
 * terminal that owned it before a handoff is told who owns it now (409); anyone else is answered exactly
 * as for an unknown id (404), so order ids cannot be probed. A trusted caller (authentication off) may do
 * everything. Takeovers by anyone but the owner need a live handoff grant for the target platform, issued
 * by someone else: a grant presented by its own issuer is refused.
 */
public final class OrderAccess {

    private OrderAccess() {
    }

    /** What a caller may do with an order. */
    public enum Verdict {
        /** Allowed, with the order's data as it is. */
        FULL,
        /** Allowed to read, with the order's data masked (operators). */
        MASKED,
        /** Refused with a 409 naming the current owner: the caller knows the order exists. */
        NOT_OWNER,
        /** Refused exactly as if the order did not exist. */
        HIDDEN
    }

    /** How a takeover request is decided, and the grant it consumes (or null). */
    public record TakeoverVerdict(Kind kind, HandoffGrant grant) {

        /** The kinds of takeover decision. */
        public enum Kind {
            /** Go ahead (consuming {@link #grant()} when not null). */
            ALLOWED,
            /** A same-platform takeover from another terminal that names neither a version nor a grant. */
            UNNAMED_STEAL,
            /** The presented grant is unknown, used, expired or for another platform. */
            INVALID_GRANT,
            /** The presented grant was issued by the caller itself (see {@link HandoffGrant#issuedBy(Caller)}). */
            SELF_ISSUED_GRANT,
            /** Refused with a 409 naming the owner. */
            NOT_OWNER,
            /** Refused as if the order did not exist. */
            HIDDEN
        }
    }

    /** Reading the order (GET). */
    public static Verdict toRead(Order order, Caller caller) {
        if (caller.trusted() || owns(order, caller)) {
            return Verdict.FULL;
        }
        return caller.operator() ? Verdict.MASKED : refusal(order, caller);
    }

    /** Completing a node or syncing the order. */
    public static Verdict toWrite(Order order, Caller caller) {
        return caller.trusted() || owns(order, caller) ? Verdict.FULL : refusal(order, caller);
    }

    /** Issuing a handoff grant. */
    public static Verdict toIssueGrant(Order order, Caller caller) {
        return caller.trusted() || owns(order, caller) || caller.operator() ? Verdict.FULL : refusal(order, caller);
    }

    /**
     * Taking the order over to {@code toPlatform}/{@code terminal}, presenting the grant whose code hashes to
     * {@code grantHash} (if any) and naming the version it supersedes or not.
     */
    public static TakeoverVerdict toTakeOver(Order order, Caller caller, String toPlatform, String terminal,
                                             Optional<String> grantHash, boolean namesVersion, Instant now) {
        if (grantHash.isPresent()) {
            Optional<HandoffGrant> grant = order.liveGrant(grantHash.get(), now)
                    .filter(g -> g.toPlatform().equals(toPlatform));
            if (grant.isPresent() && grant.get().issuedBy(caller)) {
                return verdict(TakeoverVerdict.Kind.SELF_ISSUED_GRANT);
            }
            if (grant.isPresent()) {
                return new TakeoverVerdict(TakeoverVerdict.Kind.ALLOWED, grant.get());
            }
            boolean knows = caller.trusted() || owns(order, caller) || refusal(order, caller) == Verdict.NOT_OWNER;
            return verdict(knows ? TakeoverVerdict.Kind.INVALID_GRANT : TakeoverVerdict.Kind.HIDDEN);
        }
        if (!caller.trusted() && !owns(order, caller)) {
            return verdict(refusal(order, caller) == Verdict.NOT_OWNER ? TakeoverVerdict.Kind.NOT_OWNER
                    : TakeoverVerdict.Kind.HIDDEN);
        }
        Owner owner = order.owner();
        boolean steal = owner != null && owner.platform().equals(toPlatform) && !owner.terminalId().equals(terminal);
        return verdict(steal && !namesVersion ? TakeoverVerdict.Kind.UNNAMED_STEAL : TakeoverVerdict.Kind.ALLOWED);
    }

    private static TakeoverVerdict verdict(TakeoverVerdict.Kind kind) {
        return new TakeoverVerdict(kind, null);
    }

    private static boolean owns(Order order, Caller caller) {
        return order.owningTerminal().filter(caller::isTerminal).isPresent();
    }

    /** Operators and former owners know the order exists; nobody else learns it. */
    private static Verdict refusal(Order order, Caller caller) {
        boolean former = caller.terminalId() != null && order.formerlyOwnedBy(caller.terminalId());
        return former || caller.operator() ? Verdict.NOT_OWNER : Verdict.HIDDEN;
    }
}
