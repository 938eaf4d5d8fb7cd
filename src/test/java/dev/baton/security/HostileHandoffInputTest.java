package dev.baton.security;

import static dev.baton.security.HostileInputTest.Kind.ID;
import static dev.baton.security.HostileInputTest.Kind.FREE;
import static dev.baton.security.HostileInputTest.Kind.OBJECT;

import java.util.List;

import dev.baton.support.HandoffProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Hostile input against the handoff function's routes. */
@QuarkusTest
@TestProfile(HandoffProfile.class)
class HostileHandoffInputTest extends HostileInputTest {

    @Override
    protected String function() {
        return "handoff";
    }

    @Override
    protected void addCases(Cases cases) {
        // POST /v1/orders (a new order id: a valid body would write)
        String startTemplate = "{\"orderId\":\"hn-" + suffix + "\",\"businessType\":\"" + type
                + "\",\"platform\":\"phone\",\"terminalId\":\"desk-2\",\"data\":{\"k\":\"v\"}}";
        cases.hostileBodies("POST", "/v1/orders", startTemplate, List.of(opt("orderId", ID),
                opt("businessType", ID), opt("platform", ID), opt("terminalId", ID), opt("data", OBJECT),
                opt("data.k", FREE)));
        // GET /v1/orders/{id}
        cases.hostilePaths("GET", "/v1/orders/{id}", params("id", flowOrder), "", null);
        // POST /v1/orders/{id}/nodes/{nodeId}/complete (node a is next: a valid body would write)
        String completeTemplate = "{\"platform\":\"phone\",\"terminalId\":\"desk-1\",\"data\":{\"k\":\"v\"}}";
        cases.hostileBodies("POST", "/v1/orders/" + flowOrder + "/nodes/a/complete", completeTemplate, List.of(
                req("platform", ID), req("terminalId", ID), opt("data", OBJECT), opt("data.k", FREE)));
        cases.hostilePaths("POST", "/v1/orders/{id}/nodes/{nodeId}/complete", params("id", flowOrder, "nodeId",
                "a"), "", completeTemplate);
        // POST /v1/orders/{id}/handoffs (a valid body would move the order to web)
        String handoffTemplate = "{\"toPlatform\":\"web\",\"terminalId\":\"app-1\"}";
        cases.hostileBodies("POST", "/v1/orders/" + flowOrder + "/handoffs", handoffTemplate, List.of(
                req("toPlatform", ID), req("terminalId", ID)));
        cases.hostilePaths("POST", "/v1/orders/{id}/handoffs", params("id", flowOrder), "", handoffTemplate);
    }
}
