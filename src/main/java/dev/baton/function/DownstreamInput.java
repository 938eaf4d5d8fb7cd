package dev.baton.function;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.baton.function.http.Fields;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.Rule;
import dev.baton.sync.domain.RuleCondition;
import dev.baton.sync.app.DownstreamDocument;
import dev.baton.sync.app.DownstreamPolicies;

/** Reads and validates the body of {@code PUT /v1/downstreams/{name}}; every bad field is named. */
final class DownstreamInput {

    static final Pattern POINTER = Pattern.compile("(/[^/]{0,64}){1,16}");
    static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private DownstreamInput() {
    }

    static Downstream read(String name, Fields body, DownstreamPolicies policies) {
        URI endpoint = DownstreamTargetInput.endpoint(body, policies);
        int timeoutMs = body.optionalInt("timeoutMs", 1, Downstream.MAX_TIMEOUT.toMillis()).orElse(10_000);
        Map<String, String> headers = DownstreamTargetInput.headers(body);
        Map<String, Downstream.SecretRef> secrets = DownstreamTargetInput.secrets(body, policies);
        String code = body.optionalText("codePointer", p -> POINTER.matcher(p).matches(), "must be a JSON Pointer")
                .orElse(null);
        Set<String> successCodes = new LinkedHashSet<>(body.optionalTexts("successCodes", 50,
                c -> !c.isEmpty() && c.length() <= 64, "must be 1 to 64 characters"));
        if (code != null && successCodes.isEmpty()) {
            body.reject("successCodes", "is required when codePointer is set");
        }
        String message = body.optionalText("messagePointer", p -> POINTER.matcher(p).matches(),
                "must be a JSON Pointer").orElse(null);
        String reference = body.optionalText("referencePointer", p -> POINTER.matcher(p).matches(),
                "must be a JSON Pointer").orElse(null);
        RetryPolicies retries = retries(body);
        List<Rule> rules = rules(body);
        body.done();
        return new Downstream(name, 1, endpoint, Duration.ofMillis(timeoutMs), headers, secrets, code, successCodes,
                message, reference, retries, rules);
    }

    /**
     * {@code retry} ({@code TRANSIENT}'s policy) and {@code retryByCategory} (other categories' policies): a field
     * left out keeps the category's default, {@link RetryPolicies#of} around {@code retry}.
     */
    private static RetryPolicies retries(Fields body) {
        RetryPolicies retries = RetryPolicies.of(policy(body, "retry", RetryPolicy.DEFAULT));
        String[] names = DownstreamDocument.OVERRIDABLE.stream().map(Category::name).toArray(String[]::new);
        var byCategory = body.optionalNested("retryByCategory", names);
        if (byCategory.isPresent()) {
            for (Category c : DownstreamDocument.OVERRIDABLE) {
                retries = retries.with(c, policy(byCategory.get(), c.name(), retries.forCategory(c).orElseThrow()));
            }
        }
        return retries;
    }

    /** The policy in {@code parent}'s field {@code field}, its fields defaulting to {@code d}'s; a bad one is named. */
    private static RetryPolicy policy(Fields parent, String field, RetryPolicy d) {
        var nested = parent.optionalNested(field, "maxAttempts", "baseDelaySeconds", "maxDelaySeconds",
                "deadlineSeconds");
        if (nested.isEmpty()) {
            return d;
        }
        Fields r = nested.get();
        int attempts = r.optionalInt("maxAttempts", 1, 100).orElse(d.maxAttempts());
        long base = r.optionalInt("baseDelaySeconds", 1, 3600).orElse((int) d.baseDelay().toSeconds());
        long max = r.optionalInt("maxDelaySeconds", 1, 86_400).orElse((int) d.maxDelay().toSeconds());
        long deadline = r.optionalInt("deadlineSeconds", 1, 1_209_600).orElse((int) d.deadline().toSeconds());
        try {
            return new RetryPolicy(attempts, Duration.ofSeconds(base), Duration.ofSeconds(max),
                    Duration.ofSeconds(deadline));
        } catch (IllegalArgumentException e) {
            parent.reject(field, e.getMessage());
            return d;
        }
    }

    private static List<Rule> rules(Fields body) {
        List<Rule> rules = new ArrayList<>();
        List<Fields> items = body.has("rules") ? body.objects("rules", 0, 100, "id", "when", "category") : List.of();
        for (Fields rule : items) {
            rule(rule).ifPresent(rules::add);
        }
        return rules;
    }

    /** The fields of one rule ({@code id}, {@code when}, {@code category}); empty when one is bad (recorded). */
    static java.util.Optional<Rule> rule(Fields rule) {
        String id = rule.text("id", v -> RULE_ID.matcher(v).matches(), "must match " + RULE_ID.pattern());
        Category category = enumValue(rule, "category", Category.class);
        var when = rule.optionalNested("when", "kinds", "httpStatuses", "codes", "messageContains",
                "messageMatches");
        if (when.isEmpty()) {
            rule.reject("when", "is required");
            return java.util.Optional.empty();
        }
        RuleCondition condition = condition(rule, when.get());
        return id != null && category != null && condition != null
                ? java.util.Optional.of(new Rule(id, condition, category)) : java.util.Optional.empty();
    }

    private static RuleCondition condition(Fields rule, Fields w) {
        Set<FailureKind> kinds = new LinkedHashSet<>();
        for (String k : w.optionalTexts("kinds", 4, v -> isEnum(FailureKind.class, v), "must be one of "
                + List.of(FailureKind.values()))) {
            kinds.add(FailureKind.valueOf(k));
        }
        Set<Integer> statuses = new LinkedHashSet<>(w.optionalInts("httpStatuses", 50, 100, 599));
        Set<String> codes = new LinkedHashSet<>(w.optionalTexts("codes", 50, c -> !c.isEmpty() && c.length() <= 64,
                "must be 1 to 64 characters"));
        List<String> contains = w.optionalTexts("messageContains", 50, c -> !c.isEmpty() && c.length() <= 200,
                "must be 1 to 200 characters");
        String matches = w.optionalText("messageMatches", m -> m.length() <= 500, "must be at most 500 characters")
                .orElse(null);
        if (!w.valid()) {
            return null;
        }
        try {
            return new RuleCondition(kinds, statuses, codes, contains, matches);
        } catch (IllegalArgumentException e) {
            rule.reject("when", e.getMessage());
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(Fields f, String field, Class<E> type) {
        String value = f.text(field, v -> isEnum(type, v), "must be one of " + List.of(type.getEnumConstants()));
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
