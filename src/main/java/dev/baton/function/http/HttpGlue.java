package dev.baton.function.http;

import java.util.List;


import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.shared.infra.BatonConfig;

/** What every HTTP-facing function shares: event decoding, the body limit, routing and JSON answers. */
@ApplicationScoped
public class HttpGlue {

    private final BatonConfig config;
    private final Problems problems;
    private final ObjectMapper json;
    private final Access access;

    HttpGlue(BatonConfig config, Problems problems, ObjectMapper json, Access access) {
        this.config = config;
        this.problems = problems;
        this.json = json;
        this.access = access;
    }

    /** A router over {@code routes} that renders problems the Baton way. */
    public Router router(List<Route> routes) {
        return new Router(routes, List.of(), problems, access);
    }

    /** A router that also knows the routes other functions serve (for 405 answers on the catch-all route). */
    public Router router(List<Route> routes, List<RouteKey> elsewhere) {
        return new Router(routes, elsewhere, problems, access);
    }

    /** Answers one API Gateway event with {@code router}; never throws. */
    public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Router router) {
        HttpRequest request;
        try {
            request = HttpEvents.toRequest(event, config.http().maxBodyBytes());
        } catch (ApiException e) {
            String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
            return HttpEvents.toEvent(problems.of(e, new HttpRequest("POST", "/", java.util.Map.of(),
                    java.util.Map.of(), java.util.Map.of(), "", requestId, java.util.Optional.empty())));
        }
        return HttpEvents.toEvent(router.handle(request));
    }

    /** A JSON answer with {@code status} and {@code body} serialized by the application's mapper. */
    public HttpResponse json(int status, Object body) {
        try {
            return HttpResponse.json(status, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a " + body.getClass().getSimpleName(), e);
        }
    }
}
