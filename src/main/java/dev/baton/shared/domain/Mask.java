package dev.baton.shared.domain;

/** Masks identifiers shown in errors and logs: enough to recognise one, not enough to reveal it. */
public final class Mask {

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
