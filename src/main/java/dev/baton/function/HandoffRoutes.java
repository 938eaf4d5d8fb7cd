package dev.baton.function;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.function.OrderViews.GrantView;
import dev.baton.function.OrderViews.HandoffView;
import dev.baton.function.http.Access;
import dev.baton.function.http.Fields;
import dev.baton.function.http.HttpGlue;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;
import dev.baton.function.http.JsonBodies;
import dev.baton.function.http.PathParams;
import dev.baton.order.app.GrantService;
import dev.baton.order.app.HandoffService;
import dev.baton.order.domain.GrantCode;
import dev.baton.shared.domain.Ids;

/**
 * The handlers of {@code POST /v1/orders/{id}/handoffs} and {@code POST /v1/orders/{id}/handoff-grants}
 * (registered by {@link OrderRoutes}): taking an order over, and issuing the grants that authorise it.
 */
@ApplicationScoped
public class HandoffRoutes {

    /** Grant lifetime when the request names none. */
    static final int DEFAULT_TTL_SECONDS = 600;
    static final int MIN_TTL_SECONDS = 60;
    static final int MAX_TTL_SECONDS = 3600;

    private final HttpGlue http;
    private final JsonBodies bodies;
    private final HandoffService handoffs;
    private final GrantService grants;
    private final Access access;

    HandoffRoutes(HttpGlue http, JsonBodies bodies, HandoffService handoffs, GrantService grants, Access access) {
        this.http = http;
        this.bodies = bodies;
        this.handoffs = handoffs;
        this.grants = grants;
        this.access = access;
    }

    HttpResponse handoff(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        Fields body = Fields.of(bodies.object(request), "toPlatform", "terminalId", "expectedVersion", "grant");
        String to = body.text("toPlatform", Ids::isPlatform, "must match " + Ids.PLATFORM);
        String terminal = body.text("terminalId", Ids::isTerminalId, "must match " + Ids.TERMINAL_ID);
        OptionalInt expected = body.optionalInt("expectedVersion", 1, Integer.MAX_VALUE);
        Optional<String> grant = body.optionalText("grant", g -> GrantCode.normalise(g).isPresent(),
                "must be a handoff grant code (" + GrantCode.LENGTH + " letters and digits, dashes optional)");
        body.done();
        access.checkTerminal(request, terminal);
        var result = handoffs.handoff(orderId, new HandoffService.Request(to, terminal, expected.isPresent()
                ? OptionalLong.of(expected.getAsInt()) : OptionalLong.empty(), grant, access.caller(request)));
        return http.json(200, HandoffView.of(orderId, result));
    }

    HttpResponse grant(HttpRequest request) {
        String orderId = PathParams.orderId(request);
        Fields body = Fields.of(bodies.object(request), "toPlatform", "ttlSeconds");
        String to = body.text("toPlatform", Ids::isPlatform, "must match " + Ids.PLATFORM);
        int ttl = body.optionalInt("ttlSeconds", MIN_TTL_SECONDS, MAX_TTL_SECONDS).orElse(DEFAULT_TTL_SECONDS);
        body.done();
        GrantService.Issued issued = grants.issue(orderId, to, Duration.ofSeconds(ttl), access.caller(request));
        return http.json(201, new GrantView(orderId, issued.grant().id(), issued.code(), to,
                issued.grant().issuedAt(), issued.grant().expiresAt()));
    }
}
