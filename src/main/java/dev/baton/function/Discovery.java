package dev.baton.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.FlowService;
import dev.baton.function.http.HttpGlue;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a newcomer (or the console) needs to find everything else: the business types that have flows, a health
 * answer without token or data, and the OpenAPI document of every route. Served by the {@code mapping-config}
 * function; the downstreams' listing is the {@code order-sync} function's ({@link SyncRoutes}).
 */
@ApplicationScoped
public class Discovery {

    private final HttpGlue http;
    private final FlowService flows;
    private final String openapi;

    Discovery(HttpGlue http, FlowService flows) {
        this.http = http;
        this.flows = flows;
        this.openapi = read("openapi.yaml");
    }

    /** {@code GET /v1/business-types}: every business type with a published flow, sorted. */
    HttpResponse businessTypes(HttpRequest request) {
        return http.json(200, new BusinessTypes(flows.businessTypes()));
    }

    /** {@code GET /v1/health}: the function answers; nothing is read, so a store outage does not show here. */
    HttpResponse health(HttpRequest request) {
        return http.json(200, new Health("ok"));
    }

    /** {@code GET /v1/openapi.yaml}: the document in the application, as it was built. */
    HttpResponse openapi(HttpRequest request) {
        return new HttpResponse(200, Map.of("content-type", "application/yaml; charset=utf-8"), openapi);
    }

    private static String read(String name) {
        try (InputStream in = Discovery.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer of {@code GET /v1/business-types}. */
    @RegisterForReflection
    public record BusinessTypes(List<String> businessTypes) {
    }

    /** The answer of {@code GET /v1/health}. */
    @RegisterForReflection
    public record Health(String status) {
    }
}
