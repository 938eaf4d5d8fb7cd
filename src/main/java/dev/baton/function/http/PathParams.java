package dev.baton.function.http;

import java.util.List;
import java.util.function.Predicate;

import dev.baton.shared.domain.Ids;
import dev.baton.shared.domain.Violation;

/** Validated path and query parameters; a bad one is a 422 naming the parameter. */
public final class PathParams {

    private PathParams() {
    }

    /** The {@code {type}} path parameter, a business type. */
    public static String businessType(HttpRequest request) {
        return checked("type", request.pathParam("type"), Ids::isBusinessType, Ids.BUSINESS_TYPE);
    }

    /** A path parameter naming a platform. */
    public static String platform(HttpRequest request, String name) {
        return checked(name, request.pathParam(name), Ids::isPlatform, Ids.PLATFORM);
    }

    /** An optional query parameter naming a platform. */
    public static java.util.Optional<String> platformQuery(HttpRequest request, String name) {
        return request.queryParam(name).map(v -> checked(name, v, Ids::isPlatform, Ids.PLATFORM));
    }

    /** The {@code {id}} path parameter, an order id. */
    public static String orderId(HttpRequest request) {
        return checked("id", request.pathParam("id"), Ids::isOrderId, Ids.ORDER_ID);
    }

    /** The {@code {nodeId}} path parameter. */
    public static String nodeId(HttpRequest request) {
        return checked("nodeId", request.pathParam("nodeId"), Ids::isNodeId, Ids.NODE_ID);
    }

    private static String checked(String name, String value, Predicate<String> rule, String pattern) {
        if (!rule.test(value)) {
            throw ApiException.invalid("Invalid path or query parameter.",
                    List.of(new Violation(name, "must match " + pattern)));
        }
        return value;
    }
}
