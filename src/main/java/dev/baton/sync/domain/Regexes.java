package dev.baton.sync.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The regular expressions of rule conditions. Records cannot hold a compiled {@link Pattern} beside their
 * components, so patterns are compiled once per distinct expression and kept in a small bounded cache.
 * Expressions are configured by operators and run against text a downstream chose, so a search is bounded:
 * after {@value #MAX_CHAR_READS} character reads (catastrophic backtracking such as {@code (a+)+$}) it stops
 * and counts as no match instead of pinning a Lambda's CPU.
 */
final class Regexes {

    /** Character reads one search may make: far above any sane search of a 1000-character message. */
    static final int MAX_CHAR_READS = 1_000_000;

    private static final int MAX_CACHED = 1024;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /**
     * The compiled {@code regex}, from the cache when it was compiled before.
     *
     * @throws java.util.regex.PatternSyntaxException when it is not a valid expression
     */
    static Pattern compile(String regex) {
        Pattern cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        Pattern compiled = Pattern.compile(regex);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // crude but bounded: a burst of distinct expressions only costs recompilation
        }
        CACHE.put(regex, compiled);
        return compiled;
    }

    /** Whether {@code regex} is found anywhere in {@code text}; false when the search exceeds its budget. */
    static boolean find(String regex, String text) {
        try {
            return compile(regex).matcher(new BoundedText(text, new int[] {MAX_CHAR_READS})).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    /** A view of a string that counts character reads against a budget shared with its subsequences. */
    private record BoundedText(String text, int[] budget) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Thrown inside a search that used up its budget; never escapes this class. */
    private static final class BudgetExceeded extends RuntimeException {

        BudgetExceeded() {
            super("regular expression search budget exceeded", null, false, false);
        }
    }
}
