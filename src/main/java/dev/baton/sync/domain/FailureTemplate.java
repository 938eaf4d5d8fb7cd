package dev.baton.sync.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What failures of one kind have in common once everything that varies per order is masked: the kind, HTTP status
 * and code, and the message as the failure model sees it ({@link FailureFeatures#mask}: lower case, full-width
 * folded, every digit {@code 0}, ids, long numbers and dates' digits {@code #} or {@code 0}, e-mail addresses
 * {@code @}). The operators' inbox groups unclassified and model-decided failures by it. It is computed from the
 * already masked message ({@link dev.baton.shared.domain.Mask#text}) a sync state records, so the template of a
 * failure and the template of the order it left behind are the same.
 *
 * @param text the masked message, at most {@value #MAX_TEXT} chars; empty when there was none
 */
public record FailureTemplate(FailureKind kind, Integer httpStatus, String code, String text) {

    /** The longest template kept: enough to recognise a message, short enough for a small item. */
    public static final int MAX_TEXT = 300;

    public FailureTemplate {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("a failure template needs a kind and a text");
        }
    }

    /** The template of a failure with {@code maskedMessage} (already masked for personal data; may be null). */
    public static FailureTemplate of(FailureKind kind, Integer httpStatus, String code, String maskedMessage) {
        String text = maskedMessage == null ? "" : FailureFeatures.mask(maskedMessage).strip();
        if (text.length() > MAX_TEXT) {
            int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            text = text.substring(0, end);
        }
        return new FailureTemplate(kind, httpStatus, code, text);
    }

    /** The template of the failure a sync state recorded. */
    public static FailureTemplate of(LastFailure f) {
        return of(FailureKind.valueOf(f.kind()), f.httpStatus(), f.code(), f.message());
    }

    /** A stable id of this template: 16 hex digits of the SHA-256 of its parts. */
    public String id() {
        String key = kind + "|" + (httpStatus == null ? "" : httpStatus) + "|" + (code == null ? "" : code) + "|"
                + text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A failure that stands for the group, its message the template: what a dry run classifies. */
    public Failure asFailure() {
        return new Failure(kind, httpStatus, code, text.isEmpty() ? null : text, null);
    }

    /**
     * The longest stretch of the template without masked parts (digits, ids, e-mail marks) or ASCII punctuation,
     * at least two chars and at most 60: what a rule drafted from the group looks for in a message. Empty when
     * there is none.
     */
    public String fragment() {
        String best = "";
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || breaksFragment(text.charAt(i))) {
                String part = text.substring(start, i).strip();
                if (part.length() > best.length()) {
                    best = part;
                }
                start = i + 1;
            }
        }
        if (best.length() > 60) {
            best = best.substring(0, Character.isHighSurrogate(best.charAt(59)) ? 59 : 60).strip();
        }
        return best.length() < 2 ? "" : best;
    }

    private static boolean breaksFragment(char ch) {
        return ch < 0x80 && !Character.isLetter(ch) && ch != ' ' || ch == '\uFF0C' || ch == '\uFF1A'
                || ch == '\uFF1B' || ch == '\uFF08' || ch == '\uFF09' || ch == '\uFF01' || ch == '\uFF1F';
    }
}
