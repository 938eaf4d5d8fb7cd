package dev.baton.security;

import static dev.baton.security.HostileInputTest.Kind.ARRAY;
import static dev.baton.security.HostileInputTest.Kind.ENUM;
import static dev.baton.security.HostileInputTest.Kind.ID;
import static dev.baton.security.HostileInputTest.Kind.INT;
import static dev.baton.security.HostileInputTest.Kind.FREE;
import static dev.baton.security.HostileInputTest.Kind.OBJECT;
import static dev.baton.security.HostileInputTest.Kind.TEXT;

import java.util.List;

import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Hostile input against the order-sync function's routes. */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class HostileOrderSyncInputTest extends HostileInputTest {

    @Override
    protected String function() {
        return "order-sync";
    }

    @Override
    protected void addCases(Cases cases) {
        // PUT /v1/downstreams/{name} (other settings: a valid body would write version 2)
        String downstreamTemplate = "{\"endpoint\":\"http://127.0.0.1:9/other\",\"timeoutMs\":1000,"
                + "\"headers\":{\"X-A\":\"b\"},\"retry\":{\"maxAttempts\":3},"
                + "\"retryByCategory\":{\"UNKNOWN\":{\"maxAttempts\":2}},"
                + "\"rules\":[{\"id\":\"r1\",\"when\":{\"codes\":[\"E1\"]},\"category\":\"TRANSIENT\"}]}";
        cases.hostileBodies("PUT", "/v1/downstreams/" + downstream, downstreamTemplate, List.of(
                req("endpoint", TEXT), opt("timeoutMs", INT), opt("headers", OBJECT), opt("headers.X-A", TEXT),
                opt("retry", OBJECT), opt("retry.maxAttempts", INT), opt("retryByCategory", OBJECT),
                opt("retryByCategory.UNKNOWN", OBJECT), opt("retryByCategory.UNKNOWN.maxAttempts", INT),
                opt("rules", ARRAY), req("rules[0]", OBJECT),
                req("rules[0].id", ID), req("rules[0].when", OBJECT), opt("rules[0].when.codes", ARRAY),
                req("rules[0].category", ENUM)));
        cases.hostilePaths("PUT", "/v1/downstreams/{name}", params("name", downstream), "", downstreamTemplate);
        for (String endpoint : List.of("file:///etc/passwd", "ftp://x/y", "http://", "javascript:alert(1)",
                "http://[::1", "//host/x", "http:/\\\\x", "gopher://127.0.0.1:25/")) {
            cases.json("endpoint " + endpoint, "PUT", "/v1/downstreams/" + downstream,
                    replaced(downstreamTemplate, "endpoint", "\"" + endpoint + "\""));
        }
        cases.json("headers reserved Host", "PUT", "/v1/downstreams/" + downstream,
                replaced(downstreamTemplate, "headers", "{\"Host\":\"evil\"}"));
        cases.json("header with CRLF", "PUT", "/v1/downstreams/" + downstream,
                replaced(downstreamTemplate, "headers", "{\"X-A\\r\\nX-B\":\"v\"}"));
        cases.json("header value with CRLF", "PUT", "/v1/downstreams/" + downstream,
                replaced(downstreamTemplate, "headers", "{\"X-A\":\"v\\r\\nX-Evil: 1\"}"));
        cases.json("regex bomb", "PUT", "/v1/downstreams/" + downstream,
                replaced(downstreamTemplate, "rules[0].when", "{\"messageMatches\":\"(\"}"));
        cases.json("secret header both", "PUT", "/v1/downstreams/" + downstream,
                withField(downstreamTemplate, "", "secretHeaders", "{\"X-S\":{\"env\":\"A\",\"parameter\":\"/b\"}}"));
        // POST /v1/downstreams/{name}/classify (a dry run; any valid body is a 200)
        String classifyTemplate = "{\"failure\":{\"kind\":\"TIMEOUT\",\"httpStatus\":500,\"code\":\"E1\","
                + "\"message\":\"m\"}}";
        cases.hostileBodies("POST", "/v1/downstreams/" + downstream + "/classify", classifyTemplate, List.of(
                req("failure", OBJECT), req("failure.kind", ENUM), opt("failure.httpStatus", INT),
                opt("failure.code", FREE), opt("failure.message", FREE)));
        cases.hostilePaths("POST", "/v1/downstreams/{name}/classify", params("name", downstream), "",
                classifyTemplate);
        // POST /v1/orders/{id}/sync (a valid body would call the downstream and write)
        String syncTemplate = "{\"downstream\":\"" + downstream + "\",\"payload\":{\"k\":\"v\"}}";
        cases.hostileBodies("POST", "/v1/orders/" + plainOrder + "/sync", syncTemplate, List.of(
                req("downstream", ID), opt("payload", OBJECT), opt("payload.k", FREE)));
        cases.hostilePaths("POST", "/v1/orders/{id}/sync", params("id", plainOrder), "", syncTemplate);
        cases.json("unknown downstream", "POST", "/v1/orders/" + plainOrder + "/sync",
                "{\"downstream\":\"no-such-" + suffix + "\"}");
        // GET /v1/orders?syncState=
        // (no query at all is valid: the orders needing attention; a state that is not listed is not)
        cases.hostileQueries("GET", "/v1/orders", List.of("syncState=SYNCED", "syncState=%3Cscript%3E", "syncState=<script>",
                "syncState=dead", "syncState=", "syncState=DEAD,SYNCED", "syncState=DEAD&syncState=SYNCED",
                "syncState=%00", "syncState=${jndi:ldap://x}", "syncState=' OR 1=1 --", "syncState=DEAD&limit=abc",
                "syncState=DEAD&limit=0", "syncState=DEAD&limit=-1", "syncState=DEAD&limit=101",
                "syncState=DEAD&limit=99999999999", "syncState=DEAD&limit=1.5", "syncState=DEAD&cursor=%%%",
                "syncState=DEAD&cursor=eyJ4IjoxfQ", "syncState=DEAD&cursor=" + "a".repeat(600),
                "syncState=DEAD&cursor=..%2F..%2Fetc%2Fpasswd", "syncState=DEAD&cursor=%00",
                "syncState=NOT_SYNCED&cursor=e30=", "limit=abc", "cursor=%%%", "syncState=%EF%BC%A4EAD"));
        // POST /v1/orders/{id}/redrive (the order is not DEAD: nothing may be redriven)
        cases.hostileBodies("POST", "/v1/orders/" + plainOrder + "/redrive", "{}", List.of());
        cases.hostilePaths("POST", "/v1/orders/{id}/redrive", params("id", plainOrder), "", "{}");
    }
}
