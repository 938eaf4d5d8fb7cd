package dev.baton.function;

import static dev.baton.function.http.RouteTable.route;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.HandoffPreviewService;
import dev.baton.flow.app.MappingFormService;
import dev.baton.flow.app.MappingService;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;
import dev.baton.function.FlowViews.CarriedOverView;
import dev.baton.function.FlowViews.FlowList;
import dev.baton.function.FlowViews.FlowSummary;
import dev.baton.function.FlowViews.FlowView;
import dev.baton.function.FlowViews.LinkView;
import dev.baton.function.FlowViews.LintView;
import dev.baton.function.FlowViews.MappingView;
import dev.baton.function.FlowViews.NodeView;
import dev.baton.function.http.Fields;
import dev.baton.function.http.HttpGlue;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;
import dev.baton.function.http.JsonBodies;
import dev.baton.function.http.PathParams;
import dev.baton.function.http.RouteKey;
import dev.baton.function.http.RouteTable;
import dev.baton.function.http.Router;
import dev.baton.shared.domain.Ids;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The routes of the {@code mapping-config} function: flows, mappings, the mapping form, mapping checks,
 * handoff preview, discovery (business types, health, the OpenAPI document), and the admin console's files.
 */
@ApplicationScoped
public class MappingConfigRoutes {

    static final String BT = "/v1/business-types/{type}";

    /** The routes of this function, each with its scopes, query parameters and handler. */
    static final RouteTable<MappingConfigRoutes> TABLE = RouteTable.of(
            route("PUT", BT + "/flows/{platform}", MappingConfigRoutes::publishFlow, RouteKey.ADMIN),
            route("GET", BT + "/flows/{platform}", MappingConfigRoutes::getFlow, RouteKey.ADMIN).query("version"),
            route("GET", BT + "/flows", MappingConfigRoutes::listFlows, RouteKey.ADMIN),
            route("PUT", BT + "/mappings/{base}/{associated}", MappingConfigRoutes::publishMapping, RouteKey.ADMIN),
            route("GET", BT + "/mappings/{base}/{associated}", MappingConfigRoutes::getMapping, RouteKey.ADMIN)
                    .query("version"),
            route("GET", BT + "/mapping-form", MappingConfigRoutes::form, RouteKey.ADMIN).query("base", "associated"),
            route("POST", BT + "/handoff-preview", MappingConfigRoutes::preview, RouteKey.ADMIN),
            route("POST", BT + "/mapping-check", MappingConfigRoutes::check, RouteKey.ADMIN),
            route("GET", "/v1/business-types", (routes, request) -> routes.discovery.businessTypes(request),
                    RouteKey.ADMIN),
            route("GET", "/v1/health", (routes, request) -> routes.discovery.health(request)),
            route("GET", "/v1/openapi.yaml", (routes, request) -> routes.discovery.openapi(request)),
            route("GET", "/console", (routes, request) -> routes.console.page(request)),
            route("GET", "/console/{asset}", (routes, request) -> routes.console.asset(request)));

    /** The routes of this function. */
    public static final List<RouteKey> ROUTES = TABLE.keys();

    private final Router router;
    private final HttpGlue http;
    private final JsonBodies bodies;
    private final FlowService flows;
    private final MappingService mappings;
    private final MappingFormService forms;
    private final HandoffPreviewService previews;
    private final ConsoleAssets console;
    private final Discovery discovery;

    MappingConfigRoutes(HttpGlue http, JsonBodies bodies, FlowService flows, MappingService mappings,
                        MappingFormService forms, HandoffPreviewService previews, ConsoleAssets console,
                        Discovery discovery) {
        this.http = http;
        this.bodies = bodies;
        this.flows = flows;
        this.mappings = mappings;
        this.forms = forms;
        this.previews = previews;
        this.console = console;
        this.discovery = discovery;
        this.router = http.router(TABLE.bind(this),
                // this function also serves API Gateway's catch-all route: know the other functions' routes
                java.util.stream.Stream.concat(OrderRoutes.ROUTES.stream(), SyncRoutes.ROUTES.stream()).toList());
    }

    /** The router of this function. */
    public Router router() {
        return router;
    }

    private HttpResponse publishFlow(HttpRequest request) {
        String type = PathParams.businessType(request);
        String platform = PathParams.platform(request, "platform");
        Fields body = Fields.of(bodies.object(request), "nodes");
        List<Node> nodes = body.objects("nodes", 1, 200, "id", "name").stream()
                .map(n -> new NodeInput(n.text("id", Ids::isNodeId, "must match " + Ids.NODE_ID),
                        n.text("name", s -> !s.isBlank() && s.length() <= 200, "must be 1 to 200 characters")))
                .filter(NodeInput::complete).map(NodeInput::node).toList();
        body.done();
        FlowService.PublishResult result = flows.publish(type, platform, nodes);
        return http.json(result.created() ? 201 : 200, FlowView.of(result.flow(), result.created()));
    }

    private HttpResponse getFlow(HttpRequest request) {
        var version = Fields.intParam("version", request.queryParam("version"), 1, Integer.MAX_VALUE);
        var flow = flows.get(PathParams.businessType(request), PathParams.platform(request, "platform"), version);
        return http.json(200, FlowView.of(flow, null));
    }

    private HttpResponse listFlows(HttpRequest request) {
        String type = PathParams.businessType(request);
        List<FlowSummary> list = flows.list(type).stream().map(p -> new FlowSummary(p.value().platform(),
                p.value().version(), p.value().nodes().size(), p.createdAt())).toList();
        return http.json(200, new FlowList(type, list));
    }

    private HttpResponse publishMapping(HttpRequest request) {
        String type = PathParams.businessType(request);
        String base = PathParams.platform(request, "base");
        String associated = PathParams.platform(request, "associated");
        Fields body = Fields.of(bodies.object(request), "links");
        List<Link> links = links(body);
        body.done();
        var result = mappings.publish(type, base, associated, links);
        return http.json(result.created() ? 201 : 200, MappingView.of(result.mapping(), result.lint(), result.created()));
    }

    private HttpResponse check(HttpRequest request) {
        String type = PathParams.businessType(request);
        Fields body = Fields.of(bodies.object(request), "base", "associated", "links");
        String base = body.text("base", Ids::isPlatform, "must match " + Ids.PLATFORM);
        String associated = body.text("associated", Ids::isPlatform, "must match " + Ids.PLATFORM);
        List<Link> links = links(body);
        body.done();
        return http.json(200, MappingCheckView.of(type, mappings.check(type, base, associated, links)));
    }

    private static List<Link> links(Fields body) {
        return body.objects("links", 0, 1000, "from", "to").stream()
                .map(l -> new LinkInput(l.text("from", Ids::isNodeId, "must match " + Ids.NODE_ID),
                        l.texts("to", 1, 200, Ids::isNodeId, "must match " + Ids.NODE_ID)))
                .filter(LinkInput::complete).map(LinkInput::link).toList();
    }

    private HttpResponse getMapping(HttpRequest request) {
        var version = Fields.intParam("version", request.queryParam("version"), 1, Integer.MAX_VALUE);
        var result = mappings.get(PathParams.businessType(request), PathParams.platform(request, "base"),
                PathParams.platform(request, "associated"), version);
        return http.json(200, MappingView.of(result.mapping(), result.lint(), null));
    }

    private HttpResponse form(HttpRequest request) {
        var form = forms.form(PathParams.businessType(request), PathParams.platformQuery(request, "base"),
                PathParams.platformQuery(request, "associated"));
        return http.json(200, FormView.of(form));
    }

    private HttpResponse preview(HttpRequest request) {
        String type = PathParams.businessType(request);
        Fields body = Fields.of(bodies.object(request), "from", "to", "completed");
        String from = body.text("from", Ids::isPlatform, "must match " + Ids.PLATFORM);
        String to = body.text("to", Ids::isPlatform, "must match " + Ids.PLATFORM);
        List<String> completed = body.texts("completed", 0, 200, Ids::isNodeId, "must match " + Ids.NODE_ID);
        body.done();
        var preview = previews.preview(type, from, to, completed);
        var r = preview.resolution();
        return http.json(200, new PreviewView(preview.from(), preview.to(), preview.mappingVersion(),
                preview.completedOnSource(), CarriedOverView.of(r), NodeView.of(r.pending()),
                r.next().map(NodeView::of).orElse(null), r.complete()));
    }

    private record NodeInput(String id, String name) {
        boolean complete() {
            return id != null && name != null;
        }

        Node node() {
            return new Node(id, name);
        }
    }

    private record LinkInput(String from, List<String> to) {
        boolean complete() {
            return from != null && !to.isEmpty();
        }

        Link link() {
            return new Link(from, to);
        }
    }

    /** The answer of a handoff preview; {@code next} is null when the target flow would be complete. */
    @RegisterForReflection
    public record PreviewView(String from, String to, int mappingVersion, List<String> completedOnSource,
                              List<CarriedOverView> carriedOver, List<NodeView> pending,
                              @JsonInclude(JsonInclude.Include.ALWAYS) NodeView next, boolean complete) {
    }

}
