package dev.baton.function;

import static dev.baton.function.http.RouteTable.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.function.http.Access;
import dev.baton.function.http.ApiException;
import dev.baton.function.http.Fields;
import dev.baton.function.http.HttpGlue;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;
import dev.baton.function.http.JsonBodies;
import dev.baton.function.http.PathParams;
import dev.baton.function.http.RouteKey;
import dev.baton.function.http.RouteTable;
import dev.baton.function.http.Router;
import dev.baton.order.domain.NodeData;
import dev.baton.shared.domain.Violation;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.ProcessingResult;
import dev.baton.sync.app.SyncOperations;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.app.SyncStore;

import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.SyncState;
import dev.baton.sync.app.DownstreamDocument;
import dev.baton.sync.app.DownstreamPolicies;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The routes of the {@code order-sync} function: downstream settings (publish, read back, list), classification dry
 * run, order sync, the operators' listing and redrive, and the inbox of failures the rules missed ({@link
 * InboxRoutes}).
 */
@ApplicationScoped
public class SyncRoutes {

    /** Downstream names: like business types. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Largest sync payload a caller may send. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /** The routes of this function, each with its scopes, query parameters and handler. */
    static final RouteTable<SyncRoutes> TABLE = RouteTable.of(
            route("GET", "/v1/downstreams", SyncRoutes::listDownstreams, RouteKey.ADMIN),
            route("GET", "/v1/downstreams/{name}", SyncRoutes::getDownstream, RouteKey.ADMIN),
            route("PUT", "/v1/downstreams/{name}", SyncRoutes::publish, RouteKey.ADMIN),
            route("POST", "/v1/downstreams/{name}/classify", SyncRoutes::classify, RouteKey.ADMIN, RouteKey.OPERATOR),
            route("POST", "/v1/orders/{id}/sync", SyncRoutes::sync, RouteKey.TERMINAL),
            route("GET", "/v1/orders", SyncRoutes::list, RouteKey.OPERATOR).query("syncState", "limit", "cursor"),
            route("POST", "/v1/orders/{id}/redrive", SyncRoutes::redrive, RouteKey.OPERATOR),
            // the inbox of failures the rules missed: operators read and dry-run, admins publish rules
            route("GET", "/v1/downstreams/{name}/inbox", (SyncRoutes s, HttpRequest r) -> s.inbox.list(r, name(r)),
                    RouteKey.ADMIN, RouteKey.OPERATOR).query("limit"),
            route("POST", "/v1/downstreams/{name}/inbox/dry-run", (SyncRoutes s, HttpRequest r) -> s.inbox.dryRun(r,
                    name(r)), RouteKey.ADMIN, RouteKey.OPERATOR),
            route("POST", "/v1/downstreams/{name}/inbox/{group}/rule", (SyncRoutes s, HttpRequest r) ->
                    s.inbox.publish(r, name(r)), RouteKey.ADMIN),
            route("POST", "/v1/downstreams/{name}/inbox/{group}/release", (SyncRoutes s, HttpRequest r) ->
                    s.inbox.release(r, name(r)), RouteKey.ADMIN, RouteKey.OPERATOR));

    /** The routes of this function. */
    public static final List<RouteKey> ROUTES = TABLE.keys();

    private final Router router;
    private final HttpGlue http;
    private final JsonBodies bodies;
    private final DownstreamService downstreams;
    private final SyncService sync;
    private final SyncOperations operations;
    @jakarta.inject.Inject
    DownstreamPolicies policies;
    private final Access access;

    private final InboxRoutes inbox;

    SyncRoutes(HttpGlue http, JsonBodies bodies, DownstreamService downstreams, SyncService sync,
               SyncOperations operations, Access access, InboxRoutes inbox) {
        this.access = access;
        this.inbox = inbox;
        this.http = http;
        this.bodies = bodies;
        this.downstreams = downstreams;
        this.sync = sync;
        this.operations = operations;
        this.router = http.router(TABLE.bind(this),
                java.util.stream.Stream.concat(OrderRoutes.ROUTES.stream(), MappingConfigRoutes.ROUTES.stream())
                        .toList());
    }

    /** The router of this function. */
    public Router router() {
        return router;
    }

    private HttpResponse publish(HttpRequest request) {
        String name = name(request);
        Fields body = Fields.of(bodies.object(request), "endpoint", "timeoutMs", "headers", "secretHeaders",
                "codePointer", "successCodes", "messagePointer", "referencePointer", "retry", "retryByCategory",
                "rules");
        var result = downstreams.publish(DownstreamInput.read(name, body, policies));
        ObjectNode view = settingsView(result.downstream()).put("created", result.created());
        return HttpResponse.json(result.created() ? 201 : 200, CanonicalJson.text(view));
    }

    /** The settings as published: secret headers are references (an environment variable or parameter name). */
    private HttpResponse getDownstream(HttpRequest request) {
        return HttpResponse.json(200, CanonicalJson.text(settingsView(downstreams.get(name(request)))));
    }

    private HttpResponse listDownstreams(HttpRequest request) {
        return http.json(200, new DownstreamList(downstreams.names()));
    }

    private static ObjectNode settingsView(dev.baton.shared.app.Published<dev.baton.sync.domain.Downstream> d) {
        return DownstreamDocument.write(d.value()).put("name", d.value().name()).put("version", d.value().version())
                .put("createdAt", d.createdAt().toString());
    }

    private HttpResponse classify(HttpRequest request) {
        String name = name(request);
        Fields body = Fields.of(bodies.object(request), "failure");
        var f = body.optionalNested("failure", "kind", "httpStatus", "code", "message", "retryAfterSeconds");
        if (f.isEmpty()) {
            body.reject("failure", "is required");
            body.done();
        }
        Fields failure = f.get();
        FailureKind kind = DownstreamInput.enumValue(failure, "kind", FailureKind.class);
        var status = failure.optionalInt("httpStatus", 100, 599);
        String code = failure.optionalText("code", c -> c.length() <= 64, "must be at most 64 characters").orElse(null);
        String message = failure.optionalText("message", m -> m.length() <= 2000, "must be at most 2000 characters")
                .orElse(null);
        var retryAfter = failure.optionalInt("retryAfterSeconds", 0, 86_400);
        body.done();
        Classification c = downstreams.classify(name, new Failure(kind, status.isPresent() ? status.getAsInt() : null,
                code, message, retryAfter.isPresent() ? Duration.ofSeconds(retryAfter.getAsInt()) : null));
        return http.json(200, new ClassificationView(c.category().name(), c.ruleId(), c.source().name(),
                c.asyncProcessing(), c.category().nextAction().name(), c.model() == null ? null
                        : new ModelView(c.model().category().name(),
                        Math.round(c.model().confidence() * 1000) / 1000.0, c.model().features()), c.reason()));
    }

    private HttpResponse sync(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        Fields body = Fields.of(bodies.object(request), "downstream", "payload");
        String downstream = body.text("downstream", n -> NAME.matcher(n).matches(), "must match " + NAME.pattern());
        Optional<NodeData> payload = body.optionalObject("payload").map(p -> new NodeData(CanonicalJson.text(p)));
        if (payload.isPresent() && payload.get().bytes() > MAX_PAYLOAD_BYTES) {
            body.reject("payload", "must be at most " + MAX_PAYLOAD_BYTES + " bytes of JSON");
        }
        body.done();
        // only the owning terminal syncs an order; the sync path checks it with its own read of the order
        ProcessingResult result = sync.sync(orderId, downstream, payload, access.caller(request));
        return http.json(statusOf(result), ResultView.of(result));
    }

    private HttpResponse list(HttpRequest request) {
        // without syncState: every listed state, i.e. the orders that may need attention
        List<SyncState> states = request.queryParam("syncState").map(SyncRoutes::listedState)
                .orElseGet(SyncState::listedStates);
        int limit = Fields.intParam("limit", request.queryParam("limit"), 1, 100).orElse(25);
        String cursor = request.queryParam("cursor").orElse(null);
        if (cursor != null && cursor.length() > 512) {
            throw ApiException.invalid("Invalid query parameter.", List.of(new Violation("cursor", "is not valid")));
        }
        try {
            SyncStore.Page page = operations.list(states, limit, cursor);
            return http.json(200, new PageView(page.orders().stream().map(SummaryView::of).toList(),
                    page.nextCursor()));
        } catch (SyncStore.BadCursorException e) {
            throw ApiException.invalid("Invalid query parameter.", List.of(new Violation("cursor",
                    "is not a cursor of this listing")));
        }
    }

    private static List<SyncState> listedState(String raw) {
        return SyncState.listedStates().stream().filter(s -> s.name().equals(raw)).findFirst().map(List::of)
                .orElseThrow(() -> ApiException.invalid("Invalid query parameter.", List.of(new Violation(
                        "syncState", "must be one of " + SyncState.listedStates() + " (the states operators list)"))));
    }

    private HttpResponse redrive(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        if (!request.body().isBlank()) {
            Fields.of(bodies.object(request)).done();
        }
        return http.json(202, ResultView.of(operations.redrive(orderId)));
    }

    private static int statusOf(ProcessingResult r) {
        return switch (r.status()) {
            case SYNCED, REJECTED, DEAD, NEEDS_REVIEW, NOT_SYNCED -> 200;
            case ASYNC_PENDING, SYNCING -> 202;
            case INVALID -> 422;
        };
    }

    private static String name(HttpRequest request) {
        String name = request.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            throw ApiException.invalid("Invalid path parameter.", List.of(new Violation("name", "must match "
                    + NAME.pattern())));
        }
        return name;
    }

    /** The answer of {@code GET /v1/downstreams}: the names, for {@code GET /v1/downstreams/{name}}. */
    @RegisterForReflection
    public record DownstreamList(List<String> downstreams) {
    }

    /** A page of orders in one sync state. */
    @RegisterForReflection
    public record PageView(List<SummaryView> orders, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }

    /** One order in a listing: its sync status without payload or personal data. */
    @RegisterForReflection
    public record SummaryView(String orderId, String businessType, String syncState, int attempt, String downstream,
                              Instant nextAttemptAt, Instant leaseUntil, Instant changedAt,
                              LastFailure lastClassification, String deadReason, String reviewReason) {
        static SummaryView of(SyncStore.Summary s) {
            return new SummaryView(s.orderId(), s.businessType(), s.state().name(), s.attempt(), s.downstream(),
                    s.nextAttemptAt(), s.leaseUntil(), s.changedAt(), s.lastFailure(),
                    reason(s.state(), s.deadReason(), SyncState.DEAD),
                    reason(s.state(), s.deadReason(), SyncState.NEEDS_REVIEW));
        }
    }

    /**
     * A classification dry run's answer; {@code model} only when the model was asked (no rule decided before it);
     * {@code reason} says why, as stored classifications do: the rule id, or the model's confidence and features.
     */
    @RegisterForReflection
    public record ClassificationView(String category, String ruleId, String source, boolean asyncProcessing,
                                     String nextAction, ModelView model, String reason) {
    }

    /** The model's verdict: what it proposed, how sure it was, the masked features that weighed most. */
    @RegisterForReflection
    public record ModelView(String category, double confidence, List<String> features) {
    }

    /** The processing result of a sync call (never the payload). */
    @RegisterForReflection
    public record ResultView(String orderId, String status, String nextAction, int attempt, String downstream,
                             String idempotencyKey, String reference,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Instant nextAttemptAt,
                             LastFailure classification, String deadReason, String reviewReason, String note) {
        static ResultView of(ProcessingResult r) {
            return new ResultView(r.orderId(), r.status().name(), r.nextAction().name(), r.attempt(), r.downstream(),
                    r.idempotencyKey(), r.reference(), r.nextAttemptAt(), r.classification(),
                    reason(r.status(), r.deadReason(), SyncState.DEAD),
                    reason(r.status(), r.deadReason(), SyncState.NEEDS_REVIEW), r.note());
        }
    }

    /**
     * The recorded reason why async processing stopped, shown under the name of its state: {@code deadReason} for
     * {@code DEAD}, {@code reviewReason} for {@code NEEDS_REVIEW} (whose category is the classification's).
     */
    static String reason(SyncState state, DeadReason why, SyncState shownFor) {
        return state == shownFor && why != null ? why.name() : null;
    }
}
