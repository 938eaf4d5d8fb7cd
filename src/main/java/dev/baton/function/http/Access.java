package dev.baton.function.http;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.domain.Caller;
import dev.baton.order.domain.OrderIds;
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
    private final boolean idsPerTerminal;

    Access(BatonConfig config) {
        this.enforced = config.auth().mode() == BatonConfig.AuthMode.JWT;
        this.terminalClaim = config.auth().terminalClaim();
        this.idsPerTerminal = config.auth().orderIds() == BatonConfig.OrderIds.PER_TERMINAL;
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
     * token's subject, the terminal it names and whether it has the operator scope.
     */
    public Caller caller(HttpRequest request) {
        if (!enforced) {
            return Caller.TRUSTED;
        }
        Optional<Principal> principal = request.principal();
        return Caller.verified(principal.map(p -> p.claims().get("sub")).orElse(null),
                principal.map(p -> p.claims().get(terminalClaim)).orElse(null),
                principal.map(p -> p.scopes().contains(RouteKey.OPERATOR)).orElse(false));
    }

    /**
     * Checks that a caller starting an order has a token naming its terminal: the order's owner. Without one
     * the order would belong to nobody — not even its starter could read it again.
     */
    public void checkStarter(HttpRequest request) {
        if (enforced && request.principal().map(p -> p.claims().get(terminalClaim)).isEmpty()) {
            throw new ApiException(403, "terminal-missing", "Forbidden", "This token names no terminal (claim "
                    + terminalClaim + "); an order needs the terminal that owns it.", List.of());
        }
    }

    /**
     * The id a new order gets for the {@code orderId} its starter sent: as sent, unless tokens are on and
     * {@code baton.auth.order-ids=per-terminal}, where it is derived from the sent key and the caller's
     * terminal ({@link #checkStarter} made sure there is one), so the same request repeated finds the same
     * order and two callers' keys never meet.
     */
    public Optional<String> orderId(Optional<String> requested, Caller caller) {
        if (!idsPerTerminal || caller.trusted() || requested.isEmpty()) {
            return requested;
        }
        if (caller.terminalId() == null) {
            throw new IllegalStateException("a started order's caller names a terminal (checkStarter)");
        }
        return requested.map(key -> OrderIds.scoped("terminal:" + caller.terminalId(), key));
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
