package dev.baton.function.http;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The routes of one function, each declared once with everything that belongs to it: method, path template,
 * the scopes of which a caller needs one, the query parameters it accepts, and its handler (an instance method
 * of the routes class {@code T}). Nothing is bound by position, so reordering or adding a route cannot hand one
 * route's scopes or handler to another.
 *
 * @param <T> the class whose methods handle the routes
 */
public final class RouteTable<T> {

    /** One route: its key (with scopes and query parameters) and its handler. */
    public record Entry<T>(RouteKey key, BiFunction<T, HttpRequest, HttpResponse> handler) {

        /** This route, also accepting the query parameters {@code names} (any other is a 400). */
        public Entry<T> query(String... names) {
            return new Entry<>(key.accepting(Set.of(names)), handler);
        }
    }

    private final List<Entry<T>> entries;

    private RouteTable(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A table of these routes. */
    @SafeVarargs
    public static <T> RouteTable<T> of(Entry<T>... entries) {
        return new RouteTable<>(List.of(entries));
    }

    /** A route accepting no query parameter, needing one of {@code scopes} (none: open to every caller). */
    public static <T> Entry<T> route(String method, String template, BiFunction<T, HttpRequest, HttpResponse> handler,
                                     String... scopes) {
        return new Entry<>(new RouteKey(method, template, scopes), handler);
    }

    /** The routes' keys, for other functions' routers, the contract tests and the local gateway. */
    public List<RouteKey> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /** The routes with their handlers bound to {@code target}. */
    public List<Route> bind(T target) {
        return entries.stream().map(e -> e.key().to(request -> e.handler().apply(target, request))).toList();
    }
}
