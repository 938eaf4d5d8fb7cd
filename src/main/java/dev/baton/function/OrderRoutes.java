package dev.baton.function;

import static dev.baton.function.http.RouteTable.route;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.events.app.EventStore;
import dev.baton.events.app.EventTimeline;
import dev.baton.function.FlowViews.NodeView;
import dev.baton.function.OrderViews.Completed;
import dev.baton.function.OrderViews.OrderView;
import dev.baton.function.OrderViews.Started;
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
import dev.baton.order.app.OrderService;
import dev.baton.order.app.ProgressService;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.NodeData;
import dev.baton.shared.domain.Ids;
import dev.baton.shared.domain.Violation;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.SyncOperations;

/**
 * The routes of the {@code handoff} function: start and read orders, complete nodes, hand off and issue
 * handoff grants (the last two in {@link HandoffRoutes}). Who may touch which order is decided by
 * {@link dev.baton.order.domain.OrderAccess} for the caller {@link Access} builds from the verified token.
 */
@ApplicationScoped
public class OrderRoutes {

    /** The routes of this function, each with its scopes, query parameters and handler. */
    static final RouteTable<OrderRoutes> TABLE = RouteTable.of(
            route("POST", "/v1/orders", OrderRoutes::start, RouteKey.TERMINAL),
            route("GET", "/v1/orders/{id}", OrderRoutes::get, RouteKey.TERMINAL, RouteKey.OPERATOR),
            route("GET", "/v1/orders/{id}/events", OrderRoutes::events, RouteKey.TERMINAL, RouteKey.OPERATOR)
                    .query("limit", "cursor"),
            route("POST", "/v1/orders/{id}/nodes/{nodeId}/complete", OrderRoutes::complete, RouteKey.TERMINAL),
            route("POST", "/v1/orders/{id}/handoffs", (self, r) -> self.handoffs.handoff(r), RouteKey.TERMINAL),
            route("POST", "/v1/orders/{id}/handoff-grants", (self, r) -> self.handoffs.grant(r), RouteKey.TERMINAL,
                    RouteKey.OPERATOR));

    /** The routes of this function. */
    public static final List<RouteKey> ROUTES = TABLE.keys();

    private final Router router;
    private final HttpGlue http;
    private final JsonBodies bodies;
    private final OrderService orders;
    private final ProgressService progress;
    private final SyncOperations syncs;
    private final Access access;
    private final HandoffRoutes handoffs;
    private final EventTimeline timeline;

    OrderRoutes(HttpGlue http, JsonBodies bodies, OrderService orders, ProgressService progress, Access access,
                HandoffRoutes handoffs, SyncOperations syncs, EventTimeline timeline) {
        this.syncs = syncs;
        this.timeline = timeline;
        this.access = access;
        this.http = http;
        this.bodies = bodies;
        this.orders = orders;
        this.progress = progress;
        this.handoffs = handoffs;
        this.router = http.router(TABLE.bind(this));
    }

    /** The router of this function. */
    public Router router() {
        return router;
    }

    private HttpResponse start(HttpRequest request) {
        ObjectNode json = bodies.object(request);
        Fields body = Fields.of(json, "orderId", "businessType", "platform", "terminalId", "data");
        Optional<String> orderId = body.optionalText("orderId", Ids::isOrderId, "must match " + Ids.ORDER_ID);
        Optional<String> type = body.optionalText("businessType", Ids::isBusinessType,
                "must match " + Ids.BUSINESS_TYPE);
        Optional<String> platform = body.optionalText("platform", Ids::isPlatform, "must match " + Ids.PLATFORM);
        Optional<String> terminal = body.optionalText("terminalId", Ids::isTerminalId,
                "must match " + Ids.TERMINAL_ID);
        NodeData data = data(body);
        if (type.isPresent() || json.hasNonNull("platform") || json.hasNonNull("terminalId")) {
            for (String field : List.of("businessType", "platform", "terminalId")) {
                if (!json.hasNonNull(field)) {
                    body.reject(field, "is required when any of businessType, platform, terminalId is given");
                }
            }
        }
        body.done();
        access.checkStarter(request);
        terminal.ifPresent(t -> access.checkTerminal(request, t));
        Caller caller = access.caller(request);
        var started = orders.start(new OrderService.Start(access.orderId(orderId, caller), type, platform, terminal,
                data, fingerprint(json)), caller);
        return http.json(started.created() ? 201 : 200, Started.of(started.order(), started.pending()));
    }

    private HttpResponse get(HttpRequest request) {
        OrderService.Readable readable = orders.read(PathParams.orderId(request), access.caller(request));
        return http.json(200, OrderView.of(readable.order(), syncs.status(readable.order().id()),
                readable.masked()));
    }

    /** The order's stored events, oldest first, a page at a time; who may read them is who may read the order. */
    private HttpResponse events(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        int limit = Fields.intParam("limit", request.queryParam("limit"), 1, 100).orElse(50);
        String cursor = request.queryParam("cursor").orElse(null);
        try {
            if (cursor != null && cursor.length() > 512) {
                throw new EventStore.BadCursorException();
            }
            EventStore.Page page = timeline.read(orderId, access.caller(request), limit, cursor);
            return http.json(200, OrderEventViews.Page.of(orderId, page));
        } catch (EventStore.BadCursorException e) {
            throw ApiException.invalid("Invalid query parameter.", List.of(new Violation("cursor",
                    "is not a cursor of this order's events")));
        }
    }

    private HttpResponse complete(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        String nodeId = PathParams.nodeId(request);
        Fields body = Fields.of(bodies.object(request), "platform", "terminalId", "data");
        String platform = body.text("platform", Ids::isPlatform, "must match " + Ids.PLATFORM);
        String terminal = body.text("terminalId", Ids::isTerminalId, "must match " + Ids.TERMINAL_ID);
        NodeData data = data(body);
        body.done();
        access.checkTerminal(request, terminal);
        var done = progress.complete(orderId, nodeId, platform, terminal, data, access.caller(request));
        List<NodeView> pending = NodeView.of(done.pending());
        return http.json(200, new Completed(orderId, platform, nodeId, pending,
                pending.isEmpty() ? null : pending.get(0), pending.isEmpty()));
    }

    /** Optional {@code data}: a JSON object of at most {@link NodeData#MAX_INPUT_BYTES}, kept canonical. */
    private static NodeData data(Fields body) {
        Optional<ObjectNode> data = body.optionalObject("data");
        if (data.isEmpty()) {
            return NodeData.EMPTY;
        }
        NodeData canonical = new NodeData(CanonicalJson.text(data.get()));
        if (!canonical.withinInputLimit()) {
            body.reject("data", "must be at most " + NodeData.MAX_INPUT_BYTES + " bytes of JSON");
            return NodeData.EMPTY;
        }
        return canonical;
    }

    private static String fingerprint(ObjectNode body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.text(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
