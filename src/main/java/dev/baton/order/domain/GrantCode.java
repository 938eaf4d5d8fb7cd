package dev.baton.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Handoff grant codes: 20 symbols of Crockford's base32 (100 random bits), shown in groups of four such as
 * {@code 7K3M-Q9PZ-WX2D-HB4T-0R8N} so an agent can read one to a customer. Reading back is forgiving: case,
 * dashes and spaces do not matter, and {@code O}, {@code I}, {@code L} read as {@code 0}, {@code 1}, {@code 1}.
 */
public final class GrantCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Symbols in a code. */
    public static final int LENGTH = 20;

    private GrantCode() {
    }

    /** A new code drawn from {@code random}, which must be a cryptographically strong generator. */
    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form of a code as typed, or empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (symbol == '-' || symbol == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(symbol) < 0) {
                return Optional.empty();
            }
            out.append(symbol);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Hex SHA-256 of a normalised code: what is stored and compared. */
    public static String hash(String normalised) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
