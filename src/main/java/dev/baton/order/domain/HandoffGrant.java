package dev.baton.order.domain;

import java.time.Instant;

/**
 * A short-lived, single-use permission to take an order over on {@code toPlatform}, issued by the owner or
 * an operator. Only the SHA-256 hash of its code is kept (see {@link GrantCode}), so a stolen table item
 * reveals no usable code. A handoff removes every grant of the order: a consumed grant cannot be reused, and
 * grants issued for a previous owner do not outlive its ownership.
 *
 * @param codeHash  hex SHA-256 of the normalised code
 * @param issuedBy  the terminal that issued it, or {@code operator}, or null when authentication is off
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

    /** True while the grant may be used. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
