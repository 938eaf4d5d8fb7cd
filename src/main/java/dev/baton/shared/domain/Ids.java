package dev.baton.shared.domain;

import java.util.regex.Pattern;

/**
 * The identifier rules of Baton (docs/semantics.md#concepts). Each rule is published as its pattern text, for
 * messages such as {@code "must match " + Ids.PLATFORM}, and as a null-safe predicate that matches the
 * whole value.
 */
public final class Ids {

    /** A business type such as {@code auto-policy}. */
    public static final String BUSINESS_TYPE = "[a-z0-9][a-z0-9-]{0,63}";
    /** A platform (channel) such as {@code mobile}. */
    public static final String PLATFORM = "[a-z0-9][a-z0-9-]{0,31}";
    /** A process node id, unique within its flow. */
    public static final String NODE_ID = "[A-Za-z0-9_-]{1,64}";
    /** An order id. */
    public static final String ORDER_ID = "[A-Za-z0-9_-]{1,64}";
    /** A terminal id: an agent desk, a device, a session. */
    public static final String TERMINAL_ID = "[A-Za-z0-9._:@-]{1,128}";

    private static final Pattern BUSINESS_TYPE_PATTERN = Pattern.compile(BUSINESS_TYPE);
    private static final Pattern PLATFORM_PATTERN = Pattern.compile(PLATFORM);
    private static final Pattern NODE_ID_PATTERN = Pattern.compile(NODE_ID);
    private static final Pattern ORDER_ID_PATTERN = Pattern.compile(ORDER_ID);
    private static final Pattern TERMINAL_ID_PATTERN = Pattern.compile(TERMINAL_ID);

    private Ids() {
    }

    /** Whether {@code value} is a valid business type; {@code null} is not. */
    public static boolean isBusinessType(String value) {
        return matches(BUSINESS_TYPE_PATTERN, value);
    }

    /** Whether {@code value} is a valid platform; {@code null} is not. */
    public static boolean isPlatform(String value) {
        return matches(PLATFORM_PATTERN, value);
    }

    /** Whether {@code value} is a valid node id; {@code null} is not. */
    public static boolean isNodeId(String value) {
        return matches(NODE_ID_PATTERN, value);
    }

    /** Whether {@code value} is a valid order id; {@code null} is not. */
    public static boolean isOrderId(String value) {
        return matches(ORDER_ID_PATTERN, value);
    }

    /** Whether {@code value} is a valid terminal id; {@code null} is not. */
    public static boolean isTerminalId(String value) {
        return matches(TERMINAL_ID_PATTERN, value);
    }

    /**
     * Returns {@code value} if it is a valid business type.
     *
     * @throws IllegalArgumentException naming {@code field} and the rule (not the value) otherwise
     */
    public static String requireBusinessType(String value, String field) {
        return require(isBusinessType(value), value, field, BUSINESS_TYPE);
    }

    /**
     * Returns {@code value} if it is a valid platform.
     *
     * @throws IllegalArgumentException naming {@code field} and the rule (not the value) otherwise
     */
    public static String requirePlatform(String value, String field) {
        return require(isPlatform(value), value, field, PLATFORM);
    }

    /**
     * Returns {@code value} if it is a valid node id.
     *
     * @throws IllegalArgumentException naming {@code field} and the rule (not the value) otherwise
     */
    public static String requireNodeId(String value, String field) {
        return require(isNodeId(value), value, field, NODE_ID);
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static String require(boolean valid, String value, String field, String rule) {
        if (!valid) {
            throw new IllegalArgumentException(field + " must match " + rule);
        }
        return value;
    }
}
