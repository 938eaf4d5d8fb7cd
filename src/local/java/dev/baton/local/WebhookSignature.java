package dev.baton.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the local stack signs the events it posts to webhooks, and how a receiver checks them (README "Order
 * events"): {@code X-Baton-Signature: v1=<hex HMAC-SHA256(secret, "<X-Baton-Timestamp>.<raw body>")>}, where
 * {@code X-Baton-Timestamp} is the sending time in epoch seconds. A receiver recomputes the HMAC over the bytes it
 * received, compares in constant time, and refuses timestamps more than {@link #TOLERANCE_SECONDS} away from its
 * clock (a captured request cannot be replayed later); {@code X-Baton-Event-Id} de-duplicates redeliveries.
 */
public final class WebhookSignature {

    /** Header with the signature. */
    public static final String SIGNATURE = "X-Baton-Signature";
    /** Header with the signing time, epoch seconds. */
    public static final String TIMESTAMP = "X-Baton-Timestamp";
    /** Header with the event id (the same on every delivery of one event). */
    public static final String EVENT_ID = "X-Baton-Event-Id";
    /** Header with the event type. */
    public static final String EVENT_TYPE = "X-Baton-Event-Type";
    /** How far a timestamp may be from the receiver's clock. */
    public static final long TOLERANCE_SECONDS = 300;

    private WebhookSignature() {
    }

    /** The value of {@link #SIGNATURE} for {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** True when {@code signature} signs {@code body} at {@code timestamp} and that time is within the tolerance. */
    public static boolean verify(String secret, String timestamp, String body, String signature, long nowSeconds) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (signature == null || Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, sent, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
