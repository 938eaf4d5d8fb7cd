package dev.baton.order.domain;

/**
 * Who asks to read or change an order, as far as order authorization cares: the terminal a verified token
 * names, and whether the token carries the operator scope. With authentication off every caller is
 * {@link #TRUSTED}: nothing is checked, as before tokens existed.
 *
 * @param trusted    true when nothing is checked (authentication off)
 * @param terminalId the terminal the token names, null when it names none
 * @param operator   true when the token has the operator scope
 */
public record Caller(boolean trusted, String terminalId, boolean operator) {

    /** The caller when authentication is off. */
    public static final Caller TRUSTED = new Caller(true, null, false);

    /** A caller with a verified token naming {@code terminalId} (null for none). */
    public static Caller verified(String terminalId, boolean operator) {
        return new Caller(false, terminalId, operator);
    }

    /** True when the token names {@code terminal}. */
    public boolean isTerminal(String terminal) {
        return terminalId != null && terminalId.equals(terminal);
    }
}
