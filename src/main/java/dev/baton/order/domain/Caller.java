package dev.baton.order.domain;

/**
 * Who asks to read or change an order, as far as order authorization cares: the terminal a verified token
 * names, and whether the token carries the operator scope. With authentication off every caller is
 * {@link #TRUSTED}: nothing is checked, as before tokens existed.
 *
 * @param trusted    true when nothing is checked (authentication off)
 * @param subject    the token's {@code sub} claim (who the person or system is), null when it has none
 * @param terminalId the terminal the token names, null when it names none
 * @param operator   true when the token has the operator scope
 */
public record Caller(boolean trusted, String subject, String terminalId, boolean operator) {

    /** The caller when authentication is off. */
    public static final Caller TRUSTED = new Caller(true, null, null, false);

    /** A caller with a verified token of {@code subject} naming {@code terminalId} (either null for none). */
    public static Caller verified(String subject, String terminalId, boolean operator) {
        return new Caller(false, subject, terminalId, operator);
    }

    /** A caller with a verified token naming {@code terminalId} and no subject. */
    public static Caller verified(String terminalId, boolean operator) {
        return verified(null, terminalId, operator);
    }

    /** True when the token names {@code terminal}. */
    public boolean isTerminal(String terminal) {
        return terminalId != null && terminalId.equals(terminal);
    }
}
