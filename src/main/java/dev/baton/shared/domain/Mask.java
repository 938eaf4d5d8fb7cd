package dev.baton.shared.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identifiers shown in errors and logs: enough to recognise one, not enough to reveal it.
 * <p>
 * People write the same number many ways: {@code 138-1234-5678}, {@code +86 138 1234 5678},
 * {@code 0086.13812345678}, full-width {@code １３８１２３４５６７８} from a Chinese input method, an ID as
 * {@code 110101 19900307 7777}. The text is first folded to a same-length ASCII shadow (full-width digits,
 * letters, plus signs, dashes, dots and spaces become their ASCII forms, one char for one), the patterns run on
 * the shadow, and the matched ranges are replaced in both the shadow and the original.
 */
public final class Mask {

    /** One optional separator between two digits: space, dash or dot (after folding). */
    private static final String SEP = "[ .-]?";
    private static final String D = SEP + "\\d";

    /**
     * Resident ID numbers by structure (region, birth date 18xx to 20xx, sequence, check digit or X), separators
     * allowed between any two characters; the structure keeps compact timestamps and order numbers unmasked.
     */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[1-9]" + D.repeat(5)
            + SEP + "(?:18|19|20)" + D.repeat(2) + SEP + "[01]" + D + SEP + "[0-3]" + D + D.repeat(3)
            + SEP + "[0-9Xx](?![0-9A-Za-z])");
    /** Mainland mobile numbers, with an optional +86 / 0086 / 86 / (+86) prefix. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:(?:\\+|00)?86" + SEP + "|\\(\\+?86\\)"
            + SEP + ")?1" + SEP + "[3-9]" + D.repeat(9) + "(?![0-9])");
    /**
     * Bank card numbers: 13 to 19 digits whose first digits are a card network's (2221–2720 and 3 to 6), so
     * epoch milliseconds (1…) and compact timestamps (20…) stay readable.
     */
    private static final Pattern CARD = Pattern.compile("(?<![0-9])(?:[3-6]\\d|2[2-7])" + D + D
            + "(?:" + D + "){9,15}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private record Rule(Pattern pattern, String label) {
    }

    private static final List<Rule> RULES = List.of(new Rule(EMAIL, "[email]"), new Rule(RESIDENT_ID, "[id]"),
            new Rule(MOBILE, "[mobile]"), new Rule(CARD, "[card]"));

    private Mask() {
    }

    /**
     * {@code text} with resident ID numbers, bank card numbers, mobile numbers and e-mail addresses
     * replaced by {@code [id]}, {@code [card]}, {@code [mobile]} and {@code [email]}; for downstream messages,
     * field names echoed in errors and anything else that may carry customer data into an answer or a log line.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String original = text;
        String shadow = fold(text);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(shadow);
            if (!m.find()) {
                continue;
            }
            StringBuilder o = new StringBuilder();
            StringBuilder s = new StringBuilder();
            int from = 0;
            do {
                o.append(original, from, m.start()).append(rule.label());
                s.append(shadow, from, m.start()).append(rule.label());
                from = m.end();
            } while (m.find());
            original = o.append(original, from, original.length()).toString();
            shadow = s.append(shadow, from, shadow.length()).toString();
        }
        return original;
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

    /** Same length as {@code text}: full-width forms and look-alike separators become ASCII, char for char. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0); // full-width ASCII block: ０ → 0, Ｘ → X, ＋ → +, － → -, ． → .
        }
        return switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u202F' -> ' ';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u30FC' -> '-';
            case '\u3002', '\u00B7', '\u30FB' -> '.';
            default -> c;
        };
    }
}
