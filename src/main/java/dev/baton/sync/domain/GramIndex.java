package dev.baton.sync.domain;

import java.util.Map;

/**
 * Open addressing from packed n-gram keys ({@link FailureFeatures#key}) to vocabulary indices: the model looks up
 * every n-gram of a message without boxing or creating a string.
 */
final class GramIndex {
    private final long[] keys;
    private final int[] values;

    GramIndex(Map<String, Integer> vocabulary) {
        int size = Integer.highestOneBit(Math.max(4, vocabulary.size() * 4) - 1) << 1;
        keys = new long[size];
        values = new int[size];
        vocabulary.forEach((name, index) -> {
            if (name.startsWith(FailureFeatures.MESSAGE) && !name.equals("m:none")) {
                long key = FailureFeatures.key(name, FailureFeatures.MESSAGE.length(), name.length());
                int slot = slot(key);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = key;
                values[slot] = index;
            }
        });
    }

    /** The index of the n-gram with {@code key}, or -1; keys are never 0 (they start with the length). */
    int get(long key) {
        for (int slot = slot(key); keys[slot] != 0; slot = (slot + 1) & (keys.length - 1)) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return -1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }
}
