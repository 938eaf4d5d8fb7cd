package dev.baton.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.baton.function.http.HttpGlue;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of order sync: downstream settings, the classification dry run and the synchronous
 * sync of an order. Deployed with {@code QUARKUS_FUNQY_EXPORT=order-sync}.
 */
public class OrderSyncFunction {

    private final HttpGlue http;
    private final SyncRoutes routes;

    OrderSyncFunction(HttpGlue http, SyncRoutes routes) {
        this.http = http;
        this.routes = routes;
    }

    /** Answers one API Gateway HTTP API event. */
    @Funq("order-sync")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return http.serve(event, routes.router());
    }
}
