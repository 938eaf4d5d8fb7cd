package dev.baton.sync.infra;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.baton.sync.app.DownstreamPolicies;
import dev.baton.sync.app.Connector.Outcome;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.EndpointPolicy;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;

/**
 * The endpoint policy at call time: the stored URL is checked again, and its host is resolved and refused
 * if <em>any</em> address it resolves to is forbidden (a public name pointed at 169.254.169.254 or 10.0.0.5).
 * A refusal is a {@link FailureKind#CONNECTION} failure with nothing sent: the order retries with backoff and
 * ends {@code DEAD} unless someone publishes corrected settings — never a 5xx, never a stuck order. The JDK
 * caches successful lookups (30 s by default), so the client's own lookup normally sees the same addresses.
 */
@ApplicationScoped
public class EndpointGuard {

    /** Looks up every address of a host name; a seam so tests can play DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final EndpointPolicy policy;
    private final Resolver resolver;

    @Inject
    EndpointGuard(DownstreamPolicies policies) {
        this(policies.endpoints(), InetAddress::getAllByName);
    }

    EndpointGuard(EndpointPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** A failed outcome when {@code downstream} may not be called now, or empty when it may. */
    public Optional<Outcome> refusal(Downstream downstream, long startNanos) {
        return reason(downstream.endpoint()).map(reason -> new Outcome(new Failure(FailureKind.CONNECTION, null,
                null, "endpoint refused by Baton's endpoint policy, nothing sent: " + reason, null), null,
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** Why {@code endpoint} may not be called now, naming the rule; empty when it may. */
    Optional<String> reason(URI endpoint) {
        Optional<String> stored = policy.violation(endpoint);
        if (stored.isPresent()) {
            return stored;
        }
        String host = endpoint.getHost();
        try {
            for (InetAddress address : resolver.resolve(host)) {
                Optional<String> refused = policy.addressViolation(address.getAddress());
                if (refused.isPresent()) {
                    return Optional.of("host resolves to an address that " + refused.get());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // the client fails the same lookup and reports it as a connection failure
        }
    }
}
