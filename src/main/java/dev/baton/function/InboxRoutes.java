package dev.baton.function;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.function.http.ApiException;
import dev.baton.function.http.Fields;
import dev.baton.function.http.HttpGlue;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;
import dev.baton.function.http.JsonBodies;
import dev.baton.shared.domain.Violation;
import dev.baton.sync.app.FailureInbox;
import dev.baton.sync.app.InboxGroup;
import dev.baton.sync.app.InboxService;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.FailureTemplate;
import dev.baton.sync.domain.Rule;
import dev.baton.sync.domain.RuleDryRun;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The handlers of the inbox routes of {@code order-sync} (declared in {@link SyncRoutes#TABLE}): list a
 * downstream's groups of failures the rules missed, dry-run a rule, publish a rule from a group and release the
 * group's {@code NEEDS_REVIEW} orders.
 */
@ApplicationScoped
public class InboxRoutes {

    /** Group ids: the template's 16 hex digits. */
    static final Pattern GROUP = Pattern.compile("[0-9a-f]{16}");

    private final HttpGlue http;
    private final JsonBodies bodies;
    private final InboxService inbox;

    InboxRoutes(HttpGlue http, JsonBodies bodies, InboxService inbox) {
        this.http = http;
        this.bodies = bodies;
        this.inbox = inbox;
    }

    HttpResponse list(HttpRequest request, String name) {
        int limit = Fields.intParam("limit", request.queryParam("limit"), 1, 100).orElse(50);
        FailureInbox.Groups groups = inbox.list(name, limit);
        return http.json(200, new InboxView(name, groups.groups().stream().map(GroupView::of).toList(),
                groups.truncated()));
    }

    HttpResponse dryRun(HttpRequest request, String name) {
        Fields body = Fields.of(bodies.object(request), "rule");
        Rule rule = rule(body);
        InboxService.DryRun run = inbox.dryRun(name, rule);
        RuleDryRun.Result r = run.result();
        return http.json(200, new DryRunView(name, run.downstreamVersion(), rule.id(), r.groups(), r.failures(),
                r.reclassified(), r.transitions().stream().map(t -> new TransitionView(t.from().name(),
                t.to().name(), t.failures(), t.groups())).toList(), r.changed().stream().map(c -> new ChangeView(
                c.group().id(), c.group().template().text(), c.group().count(), Verdict.of(c.before()),
                Verdict.of(c.after()))).toList(), run.truncated()));
    }

    HttpResponse publish(HttpRequest request, String name) {
        String group = group(request);
        var json = bodies.object(request);
        Fields body = Fields.of(json, "rule", "release");
        if (json.hasNonNull("release") && !json.get("release").isBoolean()) {
            body.reject("release", "must be true or false");
        }
        boolean release = !json.hasNonNull("release") || json.get("release").asBoolean();
        Rule rule = rule(body);
        InboxService.RulePublished p = inbox.publish(name, group, rule, release);
        var d = p.publication().downstream();
        return http.json(p.publication().created() ? 201 : 200, new PublishView(name, d.value().version(),
                p.publication().created(), rule.id(), p.matchesGroup(), p.release() == null ? null
                : ReleaseView.of(p.release())));
    }

    HttpResponse release(HttpRequest request, String name) {
        String group = group(request);
        String cursor = null;
        if (!request.body().isBlank()) {
            Fields body = Fields.of(bodies.object(request), "cursor");
            cursor = body.optionalText("cursor", c -> c.length() <= 512, "must be at most 512 characters")
                    .orElse(null);
            body.done();
        }
        try {
            return http.json(200, ReleaseView.of(inbox.release(name, group, cursor)));
        } catch (SyncStore.BadCursorException e) {
            throw ApiException.invalid("Invalid field.", List.of(new Violation("cursor",
                    "is not a cursor a release answered")));
        }
    }

    private static Rule rule(Fields body) {
        var nested = body.optionalNested("rule", "id", "when", "category");
        if (nested.isEmpty()) {
            body.reject("rule", "is required");
        }
        Rule rule = nested.flatMap(DownstreamInput::rule).orElse(null);
        body.done();
        return rule;
    }

    private static String group(HttpRequest request) {
        String group = request.pathParam("group");
        if (!GROUP.matcher(group).matches()) {
            throw ApiException.invalid("Invalid path parameter.", List.of(new Violation("group", "must match "
                    + GROUP.pattern())));
        }
        return group;
    }

    /** A downstream's inbox. */
    @RegisterForReflection
    public record InboxView(String downstream, List<GroupView> groups, boolean truncated) {
    }

    /** One group: its template, counts and times, the category it got and the model's proposal, a drafted rule. */
    @RegisterForReflection
    public record GroupView(String id, String kind, Integer httpStatus, String code, String template, long failures,
                            Instant firstSeen, Instant lastSeen, String category, String ruleSource, String proposed,
                            Double confidence, List<String> exampleOrderIds, DraftRule draft) {
        static GroupView of(InboxGroup g) {
            FailureTemplate t = g.template();
            return new GroupView(g.id(), t.kind().name(), t.httpStatus(), t.code(), t.text(), g.count(),
                    g.firstSeen(), g.lastSeen(), g.category(), g.source(), g.proposed(), g.confidence(),
                    g.examples(), DraftRule.of(g));
        }
    }

    /**
     * A rule drafted from a group: its code and the longest unmasked stretch of its template (else its status,
     * else its kind), with the model's proposal as category (none when the model proposed nothing but
     * {@code UNKNOWN}: an operator chooses).
     */
    @RegisterForReflection
    public record DraftRule(String id, Map<String, List<Object>> when, String category) {
        static DraftRule of(InboxGroup g) {
            FailureTemplate t = g.template();
            Map<String, List<Object>> when = new LinkedHashMap<>();
            if (t.code() != null) {
                when.put("codes", List.of(t.code()));
            }
            if (!t.fragment().isEmpty()) {
                when.put("messageContains", List.of(t.fragment()));
            }
            if (when.isEmpty()) {
                when.put("kinds", List.of(t.kind().name()));
                if (t.httpStatus() != null) {
                    when.put("httpStatuses", List.of(t.httpStatus()));
                }
            }
            String category = g.proposed() == null || "UNKNOWN".equals(g.proposed()) ? null : g.proposed();
            return new DraftRule("inbox-" + g.id().substring(0, 8), when, category);
        }
    }

    /** What a dry run found. */
    @RegisterForReflection
    public record DryRunView(String downstream, int downstreamVersion, String ruleId, int groups, long failures,
                             long reclassified, List<TransitionView> transitions, List<ChangeView> changed,
                             boolean truncated) {
    }

    /** Failures and groups moving from one category to another. */
    @RegisterForReflection
    public record TransitionView(String from, String to, long failures, int groups) {
    }

    /** One group the candidate reclassifies. */
    @RegisterForReflection
    public record ChangeView(String group, String template, long failures, Verdict from, Verdict to) {
    }

    /** A category and what decided it. */
    @RegisterForReflection
    public record Verdict(String category, String ruleId, String source) {
        static Verdict of(Classification c) {
            return new Verdict(c.category().name(), c.ruleId(), c.source().name());
        }
    }

    /** The answer of a publish from a group. */
    @RegisterForReflection
    public record PublishView(String downstream, int version, boolean created, String ruleId, boolean matchesGroup,
                              ReleaseView release) {
    }

    /** The answer of a release: counts by outcome and target state, each order, and where to continue. */
    @RegisterForReflection
    public record ReleaseView(String group, int downstreamVersion, int examined, long released,
                              Map<String, Long> releasedTo, Map<String, Long> skipped, List<OrderView> orders,
                              @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
        static ReleaseView of(InboxService.Release r) {
            Map<String, Long> to = new LinkedHashMap<>();
            Map<String, Long> skipped = new LinkedHashMap<>();
            for (InboxService.ReleasedOrder o : r.orders()) {
                if (o.outcome() == InboxService.Outcome.RELEASED) {
                    to.merge(o.state().name(), 1L, Long::sum);
                } else {
                    skipped.merge(slug(o.outcome()), 1L, Long::sum);
                }
            }
            return new ReleaseView(r.groupId(), r.downstreamVersion(), r.examined(),
                    r.count(InboxService.Outcome.RELEASED), to, skipped, r.orders().stream().map(o -> new OrderView(
                    o.orderId(), slug(o.outcome()), o.state().name(), o.category(), o.ruleId())).toList(),
                    r.nextCursor());
        }
    }

    /** One order a release looked at: what happened and its sync state now (or as read, when skipped). */
    @RegisterForReflection
    public record OrderView(String orderId, String outcome, String syncState, String category, String ruleId) {
    }

    static String slug(InboxService.Outcome o) {
        return o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
