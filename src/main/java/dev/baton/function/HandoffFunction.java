package dev.baton.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.baton.function.http.HttpGlue;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of the orders and handoff API: start and read orders, complete nodes, take over an
 * order on another channel. Deployed with {@code QUARKUS_FUNQY_EXPORT=handoff}.
 */
public class HandoffFunction {

    private final HttpGlue http;
    private final OrderRoutes routes;

    HandoffFunction(HttpGlue http, OrderRoutes routes) {
        this.http = http;
        this.routes = routes;
    }

    /** Answers one API Gateway HTTP API event. */
    @Funq("handoff")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return http.serve(event, routes.router());
    }
}
