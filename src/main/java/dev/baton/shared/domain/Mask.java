package dev.baton.shared.domain;

/** Masks identifiers shown in errors and logs: enough to recognise one, not enough to reveal it. */
public final class Mask {

    /** Chinese resident ID numbers: 17 digits and a digit or X check character. */
    private static final java.util.regex.Pattern RESIDENT_ID =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])");
    /** Bank card numbers: 13 to 19 digits, optionally grouped by spaces or dashes. */
    private static final java.util.regex.Pattern CARD =
            java.util.regex.Pattern.compile("(?<![0-9])\\d{4}(?:[ -]?\\d){9,15}(?![0-9])");
    /** Mainland mobile numbers, with an optional +86 / 86 prefix. */
    private static final java.util.regex.Pattern MOBILE =
            java.util.regex.Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9]\\d{9}(?![0-9])");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /**
     * {@code text} with resident ID numbers, bank card numbers, mobile numbers and e-mail addresses
     * replaced by {@code [id]}, {@code [card]}, {@code [mobile]} and {@code [email]}; for downstream messages
     * and anything else that may echo customer data into an answer or a log line.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        masked = RESIDENT_ID.matcher(masked).replaceAll("[id]");
        masked = MOBILE.matcher(masked).replaceAll("[mobile]");
        return CARD.matcher(masked).replaceAll("[card]");
    }

    private Mask() {
    }

    /** {@code agent-0042} → {@code ag***42}; identifiers of four characters or fewer become {@code ***}. */
    public static String id(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 4) {
            return "***";
        }
        return value.substring(0, 2) + "***" + value.substring(value.length() - 2);
    }
}
