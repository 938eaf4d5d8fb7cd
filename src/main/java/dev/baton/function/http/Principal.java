package dev.baton.function.http;

import java.util.Map;
import java.util.Set;

/**
 * Who calls, as API Gateway's JWT authorizer verified it: the token's scopes and claims
 * ({@code requestContext.authorizer.jwt}). Absent when the route has no authorizer (local, auth off).
 */
public record Principal(Set<String> scopes, Map<String, String> claims) {

    public Principal {
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /** True when the token has at least one of {@code wanted}. */
    public boolean hasAnyScope(Set<String> wanted) {
        return wanted.stream().anyMatch(scopes::contains);
    }
}
