package dev.baton.sync.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.baton.shared.domain.Mask;

/**
 * The features the {@link FailureModel} sees of a failure: its kind, HTTP status and status class, its code and
 * the code's shape, and the character 1- to 3-grams of its message (Chinese needs no word segmentation for this).
 * Customer data never becomes a feature: the message and code are first {@link Mask masked} (ID, card and mobile
 * numbers, e-mail addresses), then every token of six or more characters mixing letters and digits (policy
 * numbers, VINs, trace ids) and every run of six or more digits becomes {@code #}, and the remaining digits
 * become {@code 0} ("18周岁" and "60周岁" are the same feature).
 */
public final class FailureFeatures {

    /** Prefix of message n-gram features, e.g. {@code m:拒保}. */
    public static final String MESSAGE = "m:";

    private static final Pattern MIXED_ID = Pattern.compile("(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])"
            + "[A-Za-z0-9_-]{6,}");
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{6,}");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int MAX_GRAM = 3;

    private FailureFeatures() {
    }

    /** The distinct features of {@code failure}, masked; never null. */
    public static Set<String> of(Failure failure) {
        Set<String> features = new LinkedHashSet<>();
        features.add("k:" + failure.kind());
        if (failure.httpStatus() != null) {
            features.add("s:" + failure.httpStatus());
            features.add("s:" + failure.httpStatus() / 100 + "xx");
        }
        if (failure.code() == null) {
            features.add("c:none");
        } else {
            String code = mask(failure.code());
            features.add("c:" + code);
            features.add("cs:" + shape(code));
        }
        if (failure.message() == null || failure.message().isBlank()) {
            features.add("m:none");
        } else {
            addGrams(features, "^" + mask(failure.message()) + "$");
        }
        return features;
    }

    /** {@code text} as features see it: masked, ids and long digit runs as {@code #}, digits as {@code 0}. */
    public static String mask(String text) {
        String masked = Mask.text(fold(text));
        masked = MIXED_ID.matcher(masked).replaceAll("#");
        masked = LONG_DIGITS.matcher(masked).replaceAll("#");
        masked = DIGIT.matcher(masked).replaceAll("0");
        return SPACE.matcher(masked.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static void addGrams(Set<String> features, String text) {
        for (int i = 0; i < text.length(); i++) {
            for (int n = 1; n <= MAX_GRAM && i + n <= text.length(); n++) {
                String gram = text.substring(i, i + n);
                if (!gram.isBlank() && !Character.isSurrogate(gram.charAt(gram.length() - 1))) {
                    features.add(MESSAGE + gram);
                }
            }
        }
    }

    /** Full-width ASCII (digits, letters, punctuation from a Chinese input method) as plain ASCII. */
    private static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            b.append(ch >= '\uFF01' && ch <= '\uFF5E' && !isChinesePunctuation(ch) ? (char) (ch - 0xFEE0) : ch);
        }
        return b.toString();
    }

    /** Full-width commas, colons and brackets are how Chinese is written: kept, they are features. */
    private static boolean isChinesePunctuation(char ch) {
        return ch == '\uFF0C' || ch == '\uFF1A' || ch == '\uFF1B' || ch == '\uFF08' || ch == '\uFF09'
                || ch == '\uFF01' || ch == '\uFF1F';
    }

    /** A code's shape: letters as {@code A}, digits as {@code 9}, e.g. {@code UW002} → {@code AA999}. */
    private static String shape(String code) {
        StringBuilder b = new StringBuilder(code.length());
        for (int i = 0; i < code.length() && b.length() < 16; i++) {
            char ch = code.charAt(i);
            b.append(Character.isLetter(ch) ? 'A' : Character.isDigit(ch) || ch == '#' ? '9' : ch);
        }
        return b.toString();
    }
}
