package dev.baton.sync.infra;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.domain.EndpointPolicy;
import dev.baton.sync.domain.SecretRefPolicy;

/**
 * The endpoint and secret-reference policies as configured, shared by the settings route (checked when
 * published) and the connector (checked again at call time, for settings stored before a policy tightened).
 */
@ApplicationScoped
public class DownstreamPolicies {

    private final EndpointPolicy endpoints;
    private final SecretRefPolicy secrets;

    DownstreamPolicies(BatonConfig config) {
        this.endpoints = new EndpointPolicy(config.downstream().allowInsecureLocal());
        this.secrets = new SecretRefPolicy(config.secrets().parameterPrefix());
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
