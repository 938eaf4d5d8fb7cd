package dev.baton.function;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.baton.function.http.Fields;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.HeaderPolicy;
import dev.baton.sync.app.DownstreamPolicies;

/**
 * Reads where and with which headers a downstream is called ({@code endpoint}, {@code headers},
 * {@code secretHeaders}) and applies the endpoint, header and secret-namespace policies, so a setting that
 * could leak credentials or reach the function's own network is a 422 naming the field and the rule.
 */
final class DownstreamTargetInput {

    static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    /** A header value as HTTP allows it (RFC 9110 field-value): no control characters, so no header injection. */
    static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");
    static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_.\\-/]{1,1011}");

    private DownstreamTargetInput() {
    }

    /** The endpoint, or null when it was refused (the violation is recorded in {@code body}). */
    static URI endpoint(Fields body, DownstreamPolicies policies) {
        String text = body.text("endpoint", e -> e.length() <= 2048 && (e.startsWith("https://")
                || e.startsWith("http://")), "must be an absolute https URL (lowercase scheme; http only for the"
                + " local stack) of at most 2048 characters (rule scheme)");
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            policies.endpoints().violation(uri).ifPresent(rule -> body.reject("endpoint", rule));
            return uri;
        } catch (URISyntaxException e) {
            body.reject("endpoint", "is not a valid URL (rule url)");
            return null;
        }
    }

    /** Plain headers: stored and echoed, so never credentials and never headers Baton will not send. */
    static Map<String, String> headers(Fields body) {
        Map<String, String> headers = body.optionalStringMap("headers", 20, h -> HEADER.matcher(h).matches(),
                "must be a header name (RFC 9110 token of at most 64 characters)", 1024,
                v -> HEADER_VALUE.matcher(v).matches(), "visible ASCII, spaces and tabs only (no line breaks)");
        headers.keySet().forEach(h -> HeaderPolicy.plainViolation(h).ifPresent(rule -> body.reject("headers." + h,
                rule)));
        return headers;
    }

    /** Secret headers: references into the secret namespace, resolved at call time and never stored as values. */
    static Map<String, Downstream.SecretRef> secrets(Fields body, DownstreamPolicies policies) {
        Map<String, Downstream.SecretRef> out = new LinkedHashMap<>();
        body.optionalObjectMap("secretHeaders", 10, "env", "parameter").forEach((header, ref) -> {
            if (!HEADER.matcher(header).matches()) {
                body.reject("secretHeaders." + header, "must be a header name (RFC 9110 token of at most 64"
                        + " characters)");
                return;
            }
            HeaderPolicy.secretViolation(header).ifPresent(rule -> body.reject("secretHeaders." + header, rule));
            var env = ref.optionalText("env", v -> ENV.matcher(v).matches(), "must be an environment variable name");
            var param = ref.optionalText("parameter", v -> PARAMETER.matcher(v).matches(),
                    "must be a Parameter Store name");
            if (env.isPresent() == param.isPresent()) {
                body.reject("secretHeaders." + header, "must have exactly one of env, parameter");
                return;
            }
            Downstream.SecretRef secret = env.map(v -> new Downstream.SecretRef(Downstream.SecretRef.Source.ENV, v))
                    .orElseGet(() -> new Downstream.SecretRef(Downstream.SecretRef.Source.PARAMETER, param.get()));
            policies.secrets().violation(secret).ifPresent(rule -> ref.reject(env.isPresent() ? "env" : "parameter",
                    rule));
            out.put(header, secret);
        });
        return out;
    }
}
