package dev.baton.function.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.app.TooLargeException;
import dev.baton.shared.domain.InvalidInputException;

/**
 * Dispatches requests to routes and turns every failure into a problem answer: unknown path → 404,
 * known path with another method → 405 with {@code Allow}, a query parameter the route does not accept → 400,
 * {@link ApiException} → its status, {@link InvalidInputException} → 422, not found → 404, conflict → 409,
 * store unavailable → 503, anything unexpected → 500 (logged without the request body).
 */
public final class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final List<Route> routes;
    private final List<RouteKey> elsewhere;
    private final Problems problems;
    private final Access access;

    /**
     * A router over these routes, rendering problems with {@code problems}. {@code elsewhere} are routes
     * other functions serve: API Gateway sends them there, but this router knows them to answer 405 (not
     * 404) for a wrong method on their paths when it serves the catch-all route.
     */
    public Router(List<Route> routes, List<RouteKey> elsewhere, Problems problems, Access access) {
        this.routes = List.copyOf(routes);
        this.elsewhere = List.copyOf(elsewhere);
        this.problems = problems;
        this.access = access;
    }

    /** The routes this router serves (for the OpenAPI and template coverage tests and the local gateway). */
    public List<Route> routes() {
        return routes;
    }

    /** Answers one request; never throws. */
    public HttpResponse handle(HttpRequest request) {
        try {
            return dispatch(request);
        } catch (ApiException e) {
            return problems.of(e, request);
        } catch (InvalidInputException e) {
            return problems.of(ApiException.invalid("The request has invalid fields.", e.violations()), request);
        } catch (NotFoundException e) {
            return problems.of(ApiException.notFound(e.getMessage()), request);
        } catch (ConflictException e) {
            return problems.of(ApiException.conflict(e.reason(), e.getMessage()), request);
        } catch (TooLargeException e) {
            return problems.of(ApiException.tooLarge(e.getMessage()), request);
        } catch (StoreUnavailableException e) {
            LOG.warnf("store unavailable on %s %s (request %s): %s", request.method(), request.path(),
                    request.requestId(), e.getMessage());
            // a read changed nothing; a write that failed this way may still have been applied (e.g. a time-out
            // after DynamoDB committed it), so the answer must not promise that nothing changed
            String detail = request.method().equals("GET")
                    ? "A backing store did not answer; nothing was changed. Try again shortly."
                    : "A backing store did not answer; the change may or may not have been applied. Read the resource"
                    + " to see, or repeat the same request shortly (a repeated request is never applied twice).";
            return problems.of(new ApiException(503, "unavailable", "Service unavailable", detail, List.of()), request)
                    .withHeader("retry-after", "1");
        } catch (RuntimeException e) {
            // Only the type and route are logged: messages of lower layers never carry payloads, but the body might.
            LOG.errorf(e, "unexpected failure on %s %s (request %s)", request.method(), request.path(),
                    request.requestId());
            return problems.of(new ApiException(500, "internal", "Internal error",
                    "Baton could not answer this request; nothing was changed unless the answer says so.",
                    List.of()), request);
        }
    }

    private HttpResponse dispatch(HttpRequest request) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(request.path());
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                access.check(route, request);
                refuseUnknownQuery(route, request);
                return route.handler().apply(request.withPathParams(params.get()));
            }
            allowed.add(route.method());
        }
        for (RouteKey key : elsewhere) {
            if (key.to(r -> null).match(request.path()).isPresent()) {
                if (key.method().equals(request.method())) {
                    throw ApiException.notFound("Route " + key + " is served by another function.");
                }
                allowed.add(key.method());
            }
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("No route " + request.method() + " " + Problems.clip(request.path()) + ".");
        }
        HttpResponse answer = problems.of(new ApiException(405, "method-not-allowed", "Method not allowed",
                "Allowed: " + String.join(", ", allowed) + ".", List.of()), request);
        return answer.withHeader("allow", String.join(", ", allowed));
    }

    /** A typo in a query parameter must not pass silently as "no filter": 400 naming each unknown one. */
    private static void refuseUnknownQuery(Route route, HttpRequest request) {
        var unknown = new TreeSet<String>();
        route.unknownQuery(request).forEach(name -> unknown.add(Problems.clip(name)));
        if (!unknown.isEmpty()) {
            String accepted = route.query().isEmpty() ? "none" : String.join(", ", new TreeSet<>(route.query()));
            throw new ApiException(400, "unknown-query-parameter", "Unknown query parameter",
                    "Unknown query parameters: " + String.join(", ", unknown) + ". This route accepts: " + accepted
                            + ".", unknown.stream().map(n -> new dev.baton.shared.domain.Violation(n,
                            "is not a query parameter of " + route.method() + " " + route.template())).toList());
        }
    }
}
