package dev.baton.function.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.shared.domain.Mask;
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
        // masked here, the one door every problem leaves by: a detail or an unknown field's name may echo an ID
        Problem problem = new Problem(TYPE_PREFIX + e.type(), e.title(), e.status(), Mask.text(e.getMessage()),
                request.requestId() == null ? null : "urn:baton:request:" + request.requestId(),
                e.errors().isEmpty() ? null : e.errors().stream()
                        .map(v -> new Violation(Mask.text(v.field()), Mask.text(v.message()))).toList());
        try {
            return new HttpResponse(e.status(), java.util.Map.of("content-type", HttpResponse.PROBLEM_JSON,
                    "cache-control", HttpResponse.NO_STORE),
                    json.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialize a problem", impossible);
        }
    }

    /**
     * Masks and shortens caller-supplied text echoed in a detail, so a huge path cannot bloat an answer;
     * masked first, so the cut never leaves a recognisable part of an ID number.
     */
    public static String clip(String text) {
        String masked = Mask.text(text);
        return masked.length() <= 120 ? masked : masked.substring(0, 120) + "…";
    }

    /** The problem document; its {@code errors} are domain records, registered here for the native build's Jackson. */
    @RegisterForReflection(targets = {Problem.class, Violation.class})
    public record Problem(String type, String title, int status, String detail, String instance,
                          List<Violation> errors) {
    }
}
