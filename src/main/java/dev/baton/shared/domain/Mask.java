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

    /** One optional separator between two groups of digits: space, dash, dot, underscore or slash (after folding). */
    private static final String SEP = "[ ._/-]?";
    /**
     * A number starts and ends where digits do: letters may touch it ({@code card6222…}, {@code 13812345678x}),
     * because people glue labels to numbers; machine identifiers that merely contain digits are spared by
     * {@link #insideMachineId} instead.
     */
    private static final String START = "(?<![0-9])";
    private static final String END = "(?![0-9])";

    /**
     * Resident ID numbers by structure (region, birth year 18xx to 20xx, month, day, sequence, check digit or X),
     * grouped 6-8-4 or 6-4-4-4 or not at all; the structure keeps compact timestamps and order numbers unmasked.
     */
    private static final Pattern RESIDENT_ID = Pattern.compile(START + "[1-9]\\d{5}" + SEP
            + "(?:18|19|20)\\d{2}" + SEP + "[01]\\d[0-3]\\d" + SEP + "\\d{3}[0-9Xx]" + END);
    /** First-generation resident IDs (15 digits: region, two-digit birth year, month, day, sequence). */
    private static final Pattern RESIDENT_ID_15 = Pattern.compile(START + "[1-9]\\d{5}" + SEP
            + "\\d{2}[01]\\d[0-3]\\d" + SEP + "\\d{3}" + END);
    /**
     * Mainland mobile numbers grouped 3-4-4 or not at all, with an optional +86 / 0086 / 86 / (+86) prefix. Like
     * every number here, never a slice of a longer number, a UUID or a hash.
     */
    private static final Pattern MOBILE = Pattern.compile(START + "(?:(?:\\+|00)?86" + SEP + "|\\(\\+?86\\)"
            + SEP + ")?1[3-9]\\d" + SEP + "\\d{4}" + SEP + "\\d{4}" + END);
    /**
     * Bank card numbers: 13 to 19 digits in groups of four, whose first digits are a card network's (2221–2720
     * and 3 to 6), so epoch milliseconds (1…) and compact timestamps (20…) stay readable.
     */
    private static final Pattern CARD = Pattern.compile(START + "(?:[3-6]\\d|2[2-7])\\d{2}(?:" + SEP
            + "\\d{4}){2,3}(?:" + SEP + "\\d{1,3})?" + END);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * A JSON Web Token (or the part of one a clipped echo keeps): a base64url JSON header ({@code eyJ…}) and at
     * least the start of its payload. Bearer tokens pasted into a path, a query parameter's name or a body key
     * must not come back in a problem or reach a log line.
     */
    private static final Pattern JWT = Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?");

    /**
     * Any other run of digits with one kind of separator between them ({@code 1101 0119 9003 0777 5X},
     * {@code 1 3 8 1 2 3 4 5 6 7 8}, a number broken over lines): judged by its digits alone, against
     * {@link #COMPACT}. Not dots (decimals: {@code 15.057371507}), and not mixed separators (dates and times:
     * {@code 2026-12-02 10:11}).
     */
    private static final Pattern RUN = Pattern.compile(START + "\\d(?:(?:\r?\n|[ _/\t-])?\\d){10,}"
            + "(?:[ _/-]?[Xx])?" + END);
    /** The compact forms of an ID (18 or 15 digits), a mobile (with an optional 86) and a card, by label. */
    private static final List<Rule> COMPACT = List.of(
            new Rule(Pattern.compile("[1-9]\\d{5}(?:18|19|20)\\d{2}[01]\\d[0-3]\\d\\d{3}[0-9Xx]"), "[id]", 0),
            new Rule(Pattern.compile("[1-9]\\d{5}\\d{2}[01]\\d[0-3]\\d\\d{3}"), "[id]", 0),
            new Rule(Pattern.compile("(?:0{0,2}86)?1[3-9]\\d{9}"), "[mobile]", 0),
            new Rule(Pattern.compile("(?:[3-6]\\d|2[2-7])\\d{11,17}"), "[card]", 0));

    /** A pattern, its label and the fewest digits a match must have (a card is 13 or more). */
    private record Rule(Pattern pattern, String label, int minDigits) {
    }

    /**
     * Longest numbers first: a mobile pattern run first would mask a slice of a grouped card number, and a 15-digit
     * ID run before 16-digit cards would mask a card's first fifteen digits.
     */
    private static final List<Rule> RULES = List.of(new Rule(JWT, "[token]", 0), new Rule(EMAIL, "[email]", 0),
            new Rule(RESIDENT_ID, "[id]", 0),
            new Rule(CARD, "[card]", 16), new Rule(RESIDENT_ID_15, "[id]", 0), new Rule(CARD, "[card]", 13),
            new Rule(MOBILE, "[mobile]", 0));

    private Mask() {
    }

    /**
     * {@code text} with resident ID numbers, bank card numbers, mobile numbers, e-mail addresses and JSON Web
     * Tokens replaced by {@code [id]}, {@code [card]}, {@code [mobile]}, {@code [email]} and {@code [token]}; for
     * downstream messages,
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
                if (digits(m.group()) >= rule.minDigits() && !insideMachineId(shadow, m.start(), m.end())) {
                    o.append(original, from, m.start()).append(rule.label());
                    s.append(shadow, from, m.start()).append(rule.label());
                    from = m.end();
                }
            } while (m.find());
            original = o.append(original, from, original.length()).toString();
            shadow = s.append(shadow, from, shadow.length()).toString();
        }
        return runs(original, shadow);
    }

    /** What {@link #RULES} left of {@link #RUN}s whose digits are an ID, a mobile or a card number, masked. */
    private static String runs(String original, String shadow) {
        Matcher m = RUN.matcher(shadow);
        StringBuilder o = new StringBuilder();
        int from = 0;
        while (m.find()) {
            String compact = m.group().replaceAll("[^0-9Xx]", "");
            if (m.group().replace("\r\n", "\n").replaceAll("[0-9Xx]", "").chars().distinct().count() > 1
                    || insideMachineId(shadow, m.start(), m.end())) {
                continue;
            }
            for (Rule rule : COMPACT) {
                if (rule.pattern().matcher(compact).matches()) {
                    o.append(original, from, m.start()).append(rule.label());
                    from = m.end();
                    break;
                }
            }
        }
        return from == 0 ? original : o.append(original, from, original.length()).toString();
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern HASH = Pattern.compile("(?=[0-9]*[A-Fa-f])[0-9A-Fa-f]{16,}");

    /**
     * Whether the match lies inside a machine identifier: a UUID, or a word that is all hex with a letter and 16 or
     * more characters (a hash, a trace id) and hex characters on both sides of the match. The digits inside such a
     * token are not a person's number.
     */
    private static boolean insideMachineId(String shadow, int start, int end) {
        int before = extend(shadow, start, -1, false);
        int after = extend(shadow, end, 1, false);
        // hex on both sides of the number: a number merely glued to a word ("110101…758abc") is not a hash
        if (before < start && after > end && HASH.matcher(shadow.substring(before, after)).matches()) {
            return true;
        }
        int from = extend(shadow, start, -1, true);
        Matcher uuid = UUID.matcher(shadow.substring(from, extend(shadow, end, 1, true)));
        while (uuid.find()) {
            if (uuid.start() <= start - from && uuid.end() >= end - from) {
                return true;
            }
        }
        return false;
    }

    /** The edge of the token around {@code at}, walking in {@code step}; dashes count when {@code dashes}. */
    private static int extend(String text, int at, int step, boolean dashes) {
        int i = at;
        while (step < 0 ? i > 0 && word(text.charAt(i - 1), dashes) : i < text.length() && word(text.charAt(i),
                dashes)) {
            i += step;
        }
        return i;
    }

    private static boolean word(char c, boolean dashes) {
        return (dashes && c == '-') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static int digits(String text) {
        return (int) text.chars().filter(c -> c >= '0' && c <= '9').count();
    }

    /**
     * {@code text} cut to at most {@code max} chars without keeping part of a number: a cut through an ID, card or
     * mobile number leaves digits no pattern recognises any more (12 of an ID's 18 still give its region and the
     * month of birth), so the whole number the cut runs through (its digits and the separators between them) is
     * dropped; half a surrogate pair is dropped too. Cut first and mask after, or mask first: both are safe.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        char last = end == 0 ? 'a' : text.charAt(end - 1);
        char next = fold(text.charAt(end));
        // the number goes on after the cut: more digits or separators, or an ID's check letter X
        boolean through = numberPart(last) && (numberPart(next) || (Character.isDigit(last) && (next == 'X'
                || next == 'x')));
        if (!through) {
            return text.substring(0, end);
        }
        int start = end;
        boolean digit = false;
        while (start > 0 && numberPart(text.charAt(start - 1))) {
            digit |= Character.isDigit(text.charAt(--start));
        }
        return text.substring(0, digit ? start : end);
    }

    /** A digit (any script's, full-width included) or a separator people write inside numbers. */
    private static boolean numberPart(char c) {
        return Character.isDigit(c) || " ._/-+()\t".indexOf(fold(c)) >= 0;
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
