package dev.baton.function.http;

/**
 * A method and path template, e.g. {@code POST /v1/orders/{id}/handoffs}, the OAuth scopes of which a
 * caller needs one, and the query parameters it accepts: a route without its handler. The scopes are the same
 * as the route's {@code AuthorizationScopes} in template.yaml (a test keeps them equal).
 */
public record RouteKey(String method, String template, java.util.Set<String> scopes, java.util.Set<String> query) {

    /** Flows, mappings and downstream settings. */
    public static final String ADMIN = "baton/admin";
    /** Starting orders, completing nodes, handoffs and sync: what a terminal does. */
    public static final String TERMINAL = "baton/terminal";
    /** Listing orders by sync state and redrive. */
    public static final String OPERATOR = "baton/operator";

    public RouteKey {
        scopes = java.util.Set.copyOf(scopes);
        query = java.util.Set.copyOf(query);
    }

    /** A route key needing one of {@code scopes}, accepting no query parameter. */
    public RouteKey(String method, String template, String... scopes) {
        this(method, template, java.util.Set.of(scopes), java.util.Set.of());
    }

    /** This key, accepting the query parameters {@code names}. */
    public RouteKey accepting(java.util.Set<String> names) {
        return new RouteKey(method, template, scopes, names);
    }

    /** A route with this key and {@code handler}. */
    public Route to(java.util.function.Function<HttpRequest, HttpResponse> handler) {
        return new Route(method, template, scopes, query, handler);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
