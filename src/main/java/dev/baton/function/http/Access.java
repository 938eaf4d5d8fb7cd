package dev.baton.function.http;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.domain.Caller;
import dev.baton.shared.domain.Mask;
import dev.baton.shared.infra.BatonConfig;

/**
 * Defence in depth behind API Gateway's JWT authorizer: with {@code baton.auth.mode=jwt} every route checks
 * again that the verified token (from the request context) has one of the route's scopes — 401 without a
 * token, 403 with the wrong scopes — and a terminal may only act as the terminal its token names.
 * Which orders a caller may touch is decided per order by {@link dev.baton.order.domain.OrderAccess} for the
 * {@link #caller(HttpRequest)} built here. With {@code off} (the local default) nothing is checked.
 */
@ApplicationScoped
public class Access {

    private final boolean enforced;
    private final String terminalClaim;

    Access(BatonConfig config) {
        this.enforced = config.auth().mode() == BatonConfig.AuthMode.JWT;
        this.terminalClaim = config.auth().terminalClaim();
    }

    /** True when tokens are required. */
    public boolean enforced() {
        return enforced;
    }

    /** Checks that the caller may use {@code route}. */
    public void check(Route route, HttpRequest request) {
        if (!enforced || route.scopes().isEmpty()) {
            return;
        }
        Principal principal = request.principal().orElseThrow(() -> new ApiException(401, "unauthenticated",
                "Unauthenticated", "A bearer token is required.", List.of()));
        if (!principal.hasAnyScope(route.scopes())) {
            throw new ApiException(403, "forbidden", "Forbidden", "This route needs the scope "
                    + String.join(" or ", new TreeSet<>(route.scopes())) + ".", List.of());
        }
    }

    /**
     * Who calls, for order authorization: {@link Caller#TRUSTED} when tokens are not required, otherwise the
     * terminal the verified token names and whether it has the operator scope.
     */
    public Caller caller(HttpRequest request) {
        if (!enforced) {
            return Caller.TRUSTED;
        }
        Optional<Principal> principal = request.principal();
        return Caller.verified(principal.map(p -> p.claims().get(terminalClaim)).orElse(null),
                principal.map(p -> p.scopes().contains(RouteKey.OPERATOR)).orElse(false));
    }

    /**
     * Checks that {@code terminalId} from the body is the terminal the token names (claim
     * {@code baton.auth.terminal-claim}), so one terminal can never act as another.
     */
    public void checkTerminal(HttpRequest request, String terminalId) {
        if (!enforced || terminalId == null) {
            return;
        }
        Optional<String> own = request.principal().map(p -> p.claims().get(terminalClaim));
        if (own.isEmpty() || !own.get().equals(terminalId)) {
            throw new ApiException(403, "terminal-mismatch", "Forbidden", "terminalId " + Mask.id(terminalId)
                    + " is not the terminal of this token (claim " + terminalClaim + ").", List.of());
        }
    }
}
