package dev.baton.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.baton.function.http.HttpGlue;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of the mapping configuration API (flows, node mappings, the mapping form and the
 * handoff preview). Deployed with {@code QUARKUS_FUNQY_EXPORT=mapping-config}.
 */
public class MappingConfigFunction {

    private final HttpGlue http;
    private final MappingConfigRoutes routes;

    MappingConfigFunction(HttpGlue http, MappingConfigRoutes routes) {
        this.http = http;
        this.routes = routes;
    }

    /** Answers one API Gateway HTTP API event. */
    @Funq("mapping-config")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return http.serve(event, routes.router());
    }
}
