package dev.baton.order.domain;

import java.time.Instant;

/**
 * A short-lived, single-use permission to take an order over on {@code toPlatform}, issued by the owner or
 * an operator. Only the SHA-256 hash of its code is kept (see {@link GrantCode}), so a stolen table item
 * reveals no usable code. A handoff removes every grant of the order: a consumed grant cannot be reused, and
 * grants issued for a previous owner do not outlive its ownership.
 *
 * @param codeHash  hex SHA-256 of the normalised code
 * @param issuedBy  who issued it: the owning terminal's id, or {@code operator:<subject>} for an operator
 *                  ({@code operator} alone when its token had no subject), or null when authentication is off
 */
public record HandoffGrant(String codeHash, String toPlatform, Instant issuedAt, Instant expiresAt, String issuedBy) {

    /** Characters of the hash shown as the grant's id in answers and the handoff history. */
    public static final int ID_LENGTH = 12;

    public HandoffGrant {
        if (codeHash == null || codeHash.length() != 64 || toPlatform == null || issuedAt == null
                || expiresAt == null || !expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("grant needs a SHA-256 hash, a platform and an expiry after issue");
        }
    }

    /** The grant's public id: a prefix of the code's hash, which tells nothing about the code. */
    public String id() {
        return codeHash.substring(0, ID_LENGTH);
    }

    /** Prefix of {@link #issuedBy()} for a grant an operator issued. */
    public static final String OPERATOR = "operator";

    /** {@link #issuedBy()} for a grant {@code caller} issues for an order owned by {@code owningTerminal}. */
    public static String issuer(Caller caller, String owningTerminal) {
        if (caller.trusted()) {
            return null;
        }
        if (caller.isTerminal(owningTerminal)) {
            return owningTerminal;
        }
        return caller.subject() == null ? OPERATOR : OPERATOR + ":" + caller.subject();
    }

    /**
     * True when {@code caller} issued this grant: the terminal that issued it as owner, or the operator
     * (by token subject) who issued it. Such a grant cannot be presented by its issuer, so an operator
     * cannot turn read-masked access into ownership of the order's data by granting itself a takeover.
     */
    public boolean issuedBy(Caller caller) {
        if (caller.trusted() || issuedBy == null) {
            return false;
        }
        return caller.isTerminal(issuedBy)
                || caller.subject() != null && issuedBy.equals(OPERATOR + ":" + caller.subject());
    }

    /** True while the grant may be used. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
