package dev.baton.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Order ids derived from a caller's own key, for {@code baton.auth.order-ids=per-terminal}: the id is a
 * function of the caller's terminal and the key it sent, so the same request repeated finds the same order,
 * two callers sending the same key get two orders, and nobody can learn through a start request whether
 * another caller's order exists, or occupy its id first.
 */
public final class OrderIds {

    /** Prefix of every derived id, so they are told apart from assigned UUIDs and as-given ids. */
    public static final String PREFIX = "k-";

    private OrderIds() {
    }

    /**
     * {@code k-} and the first 32 characters of the URL-safe Base64 SHA-256 of owner and key (192 bits):
     * 34 characters of {@code [A-Za-z0-9_-]}, a valid order id.
     */
    public static String scoped(String owner, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((owner + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
