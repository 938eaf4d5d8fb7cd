package dev.baton.function.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.shared.domain.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Renders failures as RFC 9457 {@code application/problem+json} responses. */
@ApplicationScoped
public class Problems {

    /** Problem types are URNs: {@code urn:baton:problem:<slug>}; the slugs are listed in the OpenAPI document. */
    public static final String TYPE_PREFIX = "urn:baton:problem:";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /** The problem answer for {@code e}, with the request id as {@code instance}. */
    public HttpResponse of(ApiException e, HttpRequest request) {
        Problem problem = new Problem(TYPE_PREFIX + e.type(), e.title(), e.status(), e.getMessage(),
                request.requestId() == null ? null : "urn:baton:request:" + request.requestId(),
                e.errors().isEmpty() ? null : e.errors());
        try {
            return new HttpResponse(e.status(), java.util.Map.of("content-type", HttpResponse.PROBLEM_JSON),
                    json.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialize a problem", impossible);
        }
    }

    /** Shortens caller-supplied text echoed in a detail, so a huge path cannot bloat an answer. */
    public static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    /** The problem document. */
    @RegisterForReflection
    public record Problem(String type, String title, int status, String detail, String instance,
                          List<Violation> errors) {
    }
}
