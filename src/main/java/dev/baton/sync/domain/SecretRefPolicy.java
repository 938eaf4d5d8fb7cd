package dev.baton.sync.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a secret header's value may come from: only a documented namespace, so a stored setting can never
 * name the function's own AWS credentials or any other runtime variable ({@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}, ...). Environment variables must be named {@value #ENV_PREFIX}{@code *};
 * Parameter Store names must lie under {@code parameterPrefix} (default {@code /baton/}) with no {@code .}
 * or {@code ..} segment. Checked when settings are published and again before every resolution.
 *
 * @param parameterPrefix the Parameter Store path secrets live under; starts and ends with {@code /}
 */
public record SecretRefPolicy(String parameterPrefix) {

    /** Every secret environment variable starts with this. */
    public static final String ENV_PREFIX = "BATON_SECRET_";
    /** The rule's name, as answers and the README call it. */
    public static final String RULE = "secret-namespace";

    private static final Pattern ENV = Pattern.compile(ENV_PREFIX + "[A-Z0-9_]{1,100}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /** Validates the prefix: an absolute Parameter Store path ending in {@code /}, itself free of dot segments. */
    public SecretRefPolicy {
        if (parameterPrefix == null || !parameterPrefix.startsWith("/") || !parameterPrefix.endsWith("/")
                || (parameterPrefix.length() > 1 && !segmentsValid(parameterPrefix.substring(1,
                parameterPrefix.length() - 1)))) {
            throw new IllegalArgumentException("secret parameter prefix must be a path like /baton/, was "
                    + parameterPrefix);
        }
    }

    /** The rule {@code ref} breaks, stated for a caller, or empty when it may be resolved. */
    public Optional<String> violation(Downstream.SecretRef ref) {
        return switch (ref.source()) {
            case ENV -> ENV.matcher(ref.name()).matches() ? Optional.empty() : Optional.of("must name an environment"
                    + " variable " + ENV_PREFIX + "* (A-Z, 0-9, _); other variables are never sent (rule " + RULE
                    + ")");
            case PARAMETER -> parameterAllowed(ref.name()) ? Optional.empty() : Optional.of("must be a Parameter"
                    + " Store name under " + parameterPrefix + " without . or .. segments (rule " + RULE + ")");
        };
    }

    private boolean parameterAllowed(String name) {
        return name.length() <= 1011 && name.startsWith(parameterPrefix) && name.length() > parameterPrefix.length()
                && segmentsValid(name.substring(1));
    }

    private static boolean segmentsValid(String path) {
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
