package dev.baton.sync.app;

import dev.baton.sync.domain.EndpointPolicy;
import dev.baton.sync.domain.SecretRefPolicy;

/**
 * The endpoint and secret-reference policies as configured, shared by the settings route (checked when
 * published) and the connector (checked again at call time, for settings stored before a policy tightened).
 */
public class DownstreamPolicies {

    private final EndpointPolicy endpoints;
    private final SecretRefPolicy secrets;

    /** The policies in force (produced from the typed configuration in {@code sync/infra}). */
    public DownstreamPolicies(EndpointPolicy endpoints, SecretRefPolicy secrets) {
        this.endpoints = endpoints;
        this.secrets = secrets;
    }

    /** Which endpoints and resolved addresses may be called. */
    public EndpointPolicy endpoints() {
        return endpoints;
    }

    /** Which secret references may be resolved. */
    public SecretRefPolicy secrets() {
        return secrets;
    }
}
