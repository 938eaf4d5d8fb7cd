package dev.baton.sync.app;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.Rule;
import dev.baton.sync.domain.RuleCondition;

/**
 * Downstream settings as JSON: the shape of {@code PUT /v1/downstreams/{name}} (documented in
 * openapi.yaml) and of the stored document. {@code retry} is the {@code TRANSIENT} policy and {@code retryByCategory}
 * the effective policy of every other retried category, so what is read back is what applies. Secret headers are
 * references ({@code {"env": NAME}} or {@code {"parameter": NAME}}); no secret value ever passes through here.
 */
public final class DownstreamDocument {

    /**
     * The categories whose retry policy {@code retryByCategory} sets: {@code retry} is {@code TRANSIENT}'s, and
     * the other categories are never retried.
     */
    public static final List<Category> OVERRIDABLE = List.of(Category.THROTTLED, Category.UNKNOWN);

    private DownstreamDocument() {
    }

    /** The JSON of {@code d}, without its name and version. */
    public static ObjectNode write(Downstream d) {
        ObjectNode o = CanonicalJson.mapper().createObjectNode();
        o.put("endpoint", d.endpoint().toString());
        o.put("timeoutMs", d.timeout().toMillis());
        ObjectNode headers = o.putObject("headers");
        new TreeMap<>(d.headers()).forEach(headers::put);
        ObjectNode secrets = o.putObject("secretHeaders");
        new TreeMap<>(d.secretHeaders()).forEach((h, ref) -> secrets.putObject(h)
                .put(ref.source() == Downstream.SecretRef.Source.ENV ? "env" : "parameter", ref.name()));
        putOptional(o, "codePointer", d.codePointer());
        d.successCodes().stream().sorted().forEach(o.putArray("successCodes")::add);
        putOptional(o, "messagePointer", d.messagePointer());
        putOptional(o, "referencePointer", d.referencePointer());
        o.set("retry", retry(d.retries().onTransient()));
        ObjectNode byCategory = o.putObject("retryByCategory");
        for (Category c : OVERRIDABLE) {
            byCategory.set(c.name(), retry(d.retries().forCategory(c).orElseThrow()));
        }
        ArrayNode rules = o.putArray("rules");
        d.rules().forEach(r -> rules.add(rule(r)));
        return o;
    }

    /** Reads JSON this class wrote (stored documents are trusted: validation happened at the API). */
    public static Downstream read(String name, int version, JsonNode o) {
        Map<String, String> headers = new LinkedHashMap<>();
        o.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        Map<String, Downstream.SecretRef> secrets = new LinkedHashMap<>();
        o.path("secretHeaders").fields().forEachRemaining(e -> secrets.put(e.getKey(), e.getValue().has("env")
                ? new Downstream.SecretRef(Downstream.SecretRef.Source.ENV, e.getValue().get("env").asText())
                : new Downstream.SecretRef(Downstream.SecretRef.Source.PARAMETER,
                e.getValue().get("parameter").asText())));
        Set<String> codes = new LinkedHashSet<>();
        o.path("successCodes").forEach(c -> codes.add(c.asText()));
        // settings stored before retryByCategory existed get the defaults around their retry policy
        RetryPolicies retries = RetryPolicies.of(retry(o.path("retry")));
        for (Category c : OVERRIDABLE) {
            JsonNode r = o.path("retryByCategory").path(c.name());
            if (r.isObject()) {
                retries = retries.with(c, retry(r));
            }
        }
        List<Rule> rules = new ArrayList<>();
        o.path("rules").forEach(rule -> rules.add(rule(rule)));
        return new Downstream(name, version, URI.create(o.path("endpoint").asText()),
                Duration.ofMillis(o.path("timeoutMs").asLong()), headers, secrets, text(o, "codePointer"), codes,
                text(o, "messagePointer"), text(o, "referencePointer"), retries, rules);
    }

    private static ObjectNode retry(RetryPolicy p) {
        ObjectNode retry = CanonicalJson.mapper().createObjectNode();
        retry.put("maxAttempts", p.maxAttempts());
        retry.put("baseDelaySeconds", p.baseDelay().toSeconds());
        retry.put("maxDelaySeconds", p.maxDelay().toSeconds());
        retry.put("deadlineSeconds", p.deadline().toSeconds());
        return retry;
    }

    private static RetryPolicy retry(JsonNode r) {
        return new RetryPolicy(r.path("maxAttempts").asInt(), Duration.ofSeconds(r.path("baseDelaySeconds").asLong()),
                Duration.ofSeconds(r.path("maxDelaySeconds").asLong()),
                Duration.ofSeconds(r.path("deadlineSeconds").asLong()));
    }

    private static ObjectNode rule(Rule r) {
        ObjectNode o = CanonicalJson.mapper().createObjectNode();
        o.put("id", r.id());
        o.put("category", r.category().name());
        ObjectNode when = o.putObject("when");
        RuleCondition c = r.when();
        if (c.kinds() != null && !c.kinds().isEmpty()) {
            c.kinds().stream().map(Enum::name).sorted().forEach(when.putArray("kinds")::add);
        }
        if (c.httpStatuses() != null && !c.httpStatuses().isEmpty()) {
            c.httpStatuses().stream().sorted().forEach(when.putArray("httpStatuses")::add);
        }
        if (c.codes() != null && !c.codes().isEmpty()) {
            c.codes().stream().sorted().forEach(when.putArray("codes")::add);
        }
        if (c.messageContains() != null && !c.messageContains().isEmpty()) {
            c.messageContains().forEach(when.putArray("messageContains")::add);
        }
        putOptional(when, "messageMatches", c.messageMatches());
        return o;
    }

    private static Rule rule(JsonNode o) {
        JsonNode w = o.path("when");
        Set<FailureKind> kinds = new LinkedHashSet<>();
        w.path("kinds").forEach(k -> kinds.add(FailureKind.valueOf(k.asText())));
        Set<Integer> statuses = new LinkedHashSet<>();
        w.path("httpStatuses").forEach(s -> statuses.add(s.asInt()));
        Set<String> codes = new LinkedHashSet<>();
        w.path("codes").forEach(c -> codes.add(c.asText()));
        List<String> contains = new ArrayList<>();
        w.path("messageContains").forEach(c -> contains.add(c.asText()));
        return new Rule(o.path("id").asText(), new RuleCondition(kinds, statuses, codes, contains,
                text(w, "messageMatches")), Category.valueOf(o.path("category").asText()));
    }

    private static void putOptional(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
