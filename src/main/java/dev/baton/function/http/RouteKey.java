package dev.baton.function.http;

/** A method and path template, e.g. {@code POST /v1/orders/{id}/handoffs}: a route without its handler. */
public record RouteKey(String method, String template) {

    /** A route with this key and {@code handler}. */
    public Route to(java.util.function.Function<HttpRequest, HttpResponse> handler) {
        return new Route(method, template, handler);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
