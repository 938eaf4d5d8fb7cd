package dev.baton.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.baton.blackbox.Http.Reply;

/**
 * Per-order authorization proved from outside, as an attacker meets it: the local stack as a separate process
 * with {@code BATON_AUTH_MODE=jwt}, real RS256 tokens, every call through the local gateway over HTTP.
 *
 * <p>For every operation the served OpenAPI document declares (a new route without an entry here fails), ten
 * callers: no token, an expired token, a token signed by a key Baton does not trust, a correctly signed token
 * for another audience (these four carry every Baton scope and the owner's terminal, so only the token's defect
 * can refuse them), a valid token without any Baton scope, the owning terminal, another terminal of the same
 * platform, a terminal of another platform, an operator and an admin. Each gets the documented answer; refused
 * calls change nothing (the order, flows, mapping and downstream are read back before and after); a stranger
 * cannot tell someone else's order from an unknown id; operators read masked data; and every refusal the
 * functions write is {@code application/problem+json} echoing no token, ID number or phone number.
 *
 * <p>The outcome of every cell is written to {@code target/blackbox-logs/route-matrix.txt}.
 */
class RouteMatrixIT {

    static final String TYPE = "bb-auto";
    static final String DOWNSTREAM = "bb-insurer";
    static final String OWNER = "agent-owner-01";
    static final String SAME_PLATFORM = "agent-other-02";
    static final String OTHER_PLATFORM = "app-other-03";
    /** Personal data in the orders: a resident ID number (valid check digit), a mobile number, a name. */
    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13812345678";
    static final String NAME = "Zhang Sanfeng";
    static final String ALL_SCOPES = Tokens.TERMINAL + " " + Tokens.OPERATOR + " " + Tokens.ADMIN;

    static final String PHONE_FLOW = "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Quote\"},{\"id\":\"vehicle\","
            + "\"name\":\"Vehicle\"},{\"id\":\"confirm\",\"name\":\"Confirm\"}]}";
    static final String EVIL_FLOW = "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Quote\"},{\"id\":\"evil\","
            + "\"name\":\"Evil\"}]}";
    static final String MOBILE_FLOW = "{\"nodes\":[{\"id\":\"start\",\"name\":\"Start\"},{\"id\":\"car\","
            + "\"name\":\"Car\"},{\"id\":\"done\",\"name\":\"Done\"}]}";
    static final String LINKS = "[{\"from\":\"quote\",\"to\":[\"start\"]},{\"from\":\"vehicle\",\"to\":[\"car\"]},"
            + "{\"from\":\"confirm\",\"to\":[\"done\"]}]";
    static final String EVIL_LINKS = "[{\"from\":\"confirm\",\"to\":[\"start\"]}]";

    /** The ten callers of every route. */
    enum Who {
        NO_TOKEN, EXPIRED, WRONG_KEY, WRONG_AUDIENCE, WRONG_SCOPE, OWNER, SAME_PLATFORM, OTHER_PLATFORM, OPERATOR,
        ADMIN;

        /** True for the callers whose token is missing or does not verify. */
        boolean unverified() {
            return ordinal() <= WRONG_AUDIENCE.ordinal();
        }

        /** The terminal the caller claims in bodies: its own, or (attackers with broken tokens) the owner's. */
        String terminal() {
            return switch (this) {
                case SAME_PLATFORM -> RouteMatrixIT.SAME_PLATFORM;
                case OTHER_PLATFORM -> RouteMatrixIT.OTHER_PLATFORM;
                default -> RouteMatrixIT.OWNER;
            };
        }

        /** The platform the caller claims in bodies. */
        String platform() {
            return this == OTHER_PLATFORM ? "mobile" : "phone";
        }
    }

    /** The answer a cell expects: a status and, for answers of Baton itself, the problem type's slug. */
    record Expect(int status, String problem) {
        static Expect ok(int status) {
            return new Expect(status, null);
        }

        static Expect problem(int status, String slug) {
            return new Expect(status, slug);
        }
    }

    /** What a route is called with for one caller on one fixture. */
    record Call(String method, String path, String body) {
    }

    /**
     * A route's matrix entry: the call each caller makes on a fixture order, what callers whose token has a
     * scope of the route are answered (the others are refused by the authorizer: derived from the document),
     * and whether the route is about one existing order (so strangers must get the unknown-id answer).
     */
    record Entry(BiFunction<Who, String, Call> call, Map<Who, Expect> allowed, boolean perOrder) {
    }

    static Tokens tokens;
    static BlackBoxStack stack;
    static Http http;
    static final Map<Who, String> TOKEN = new EnumMap<>(Who.class);
    static final AtomicInteger ORDERS = new AtomicInteger();
    static final List<String> CELLS = new ArrayList<>();
    /** Operation → the statuses its {@code responses} declare (filled from the served document). */
    static final Map<String, List<String>> RESPONSES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        tokens = Tokens.generate();
        stack = BlackBoxStack.withTokens("route-matrix", tokens);
        http = new Http(stack.baseUri());
        TOKEN.put(Who.EXPIRED, tokens.expired(ALL_SCOPES, OWNER));
        TOKEN.put(Who.WRONG_KEY, tokens.forged(ALL_SCOPES, OWNER));
        TOKEN.put(Who.WRONG_AUDIENCE, tokens.otherAudience(ALL_SCOPES, OWNER));
        TOKEN.put(Who.WRONG_SCOPE, tokens.valid("openid profile baton/unknown", OWNER));
        TOKEN.put(Who.OWNER, tokens.valid(Tokens.TERMINAL, OWNER));
        TOKEN.put(Who.SAME_PLATFORM, tokens.valid(Tokens.TERMINAL, SAME_PLATFORM));
        TOKEN.put(Who.OTHER_PLATFORM, tokens.valid(Tokens.TERMINAL, OTHER_PLATFORM));
        TOKEN.put(Who.OPERATOR, tokens.valid(Tokens.OPERATOR, null));
        TOKEN.put(Who.ADMIN, tokens.valid(Tokens.ADMIN, null));
        // the definitions every order starts on, and a downstream at the stack's stand-in insurer
        admin("PUT", "/v1/business-types/" + TYPE + "/flows/phone", PHONE_FLOW, 201);
        admin("PUT", "/v1/business-types/" + TYPE + "/flows/mobile", MOBILE_FLOW, 201);
        admin("PUT", "/v1/business-types/" + TYPE + "/mappings/phone/mobile", "{\"links\":" + LINKS + "}", 201);
        admin("PUT", "/v1/downstreams/" + DOWNSTREAM, downstream(stack.insurerUri() + "/proposals"), 201);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        Path report = Path.of("target", "blackbox-logs", "route-matrix.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, CELLS, StandardCharsets.UTF_8);
    }

    static String downstream(String endpoint) {
        return "{\"endpoint\":\"" + endpoint + "\",\"timeoutMs\":5000,\"codePointer\":\"/code\",\"successCodes\":"
                + "[\"0000\"],\"messagePointer\":\"/msg\",\"referencePointer\":\"/data/proposalNo\",\"retry\":"
                + "{\"maxAttempts\":3,\"baseDelaySeconds\":1,\"maxDelaySeconds\":2,\"deadlineSeconds\":3600}}";
    }

    static Reply admin(String method, String path, String body, int expected) {
        Reply reply = http.call(method, path, body, TOKEN.get(Who.ADMIN));
        assertThat(reply.status()).as(method + " " + path + " → " + reply).isEqualTo(expected);
        return reply;
    }

    static Reply as(Who who, String method, String path, String body) {
        return http.call(method, path, body, TOKEN.get(who));
    }

    /**
     * A fresh order owned by {@link #OWNER} on phone, its first node done with personal data, as the owner
     * would have it: the fixture of every per-order cell.
     */
    static String newOrder() {
        String key = "bb-" + ORDERS.incrementAndGet();
        Reply started = as(Who.OWNER, "POST", "/v1/orders", "{\"orderId\":\"" + key + "\",\"businessType\":\""
                + TYPE + "\",\"platform\":\"phone\",\"terminalId\":\"" + OWNER + "\",\"data\":{\"applicant\":\""
                + NAME + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        // deployed shape: the order's id is derived from the key and the owner's terminal (ids per terminal)
        String id = started.json().path("orderId").asText();
        assertThat(id).startsWith("k-");
        Reply done = as(Who.OWNER, "POST", "/v1/orders/" + id + "/nodes/quote/complete", "{\"platform\":\"phone\","
                + "\"terminalId\":\"" + OWNER + "\",\"data\":{\"idNumber\":\"" + ID_NUMBER + "\",\"mobile\":\""
                + PHONE + "\"}}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return id;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The matrix: one entry per operation of the OpenAPI document
    // ---------------------------------------------------------------------------------------------------------

    static Map<String, Entry> matrix() {
        Map<String, Entry> m = new LinkedHashMap<>();
        String t = "/v1/business-types/" + TYPE;
        // discovery and documents without a token
        m.put("GET /v1/health", fixed("GET", "/v1/health", null, Map.of()));
        m.put("GET /v1/openapi.yaml", fixed("GET", "/v1/openapi.yaml", null, Map.of()));
        m.put("GET /console", fixed("GET", "/console", null, Map.of()));
        m.put("GET /console/{asset}", fixed("GET", "/console/console.js", null, Map.of()));
        // configuration: admin only (attackers try to change it; the admin republishes what is there)
        m.put("GET /v1/business-types", fixed("GET", "/v1/business-types", null, adminOk(200)));
        m.put("GET /v1/downstreams", fixed("GET", "/v1/downstreams", null, adminOk(200)));
        m.put("PUT /v1/business-types/{type}/flows/{platform}", new Entry((who, id) -> new Call("PUT",
                t + "/flows/phone", who == Who.ADMIN ? PHONE_FLOW : EVIL_FLOW), adminOk(200), false));
        m.put("GET /v1/business-types/{type}/flows/{platform}", fixed("GET", t + "/flows/phone", null, adminOk(200)));
        m.put("GET /v1/business-types/{type}/flows", fixed("GET", t + "/flows", null, adminOk(200)));
        m.put("PUT /v1/business-types/{type}/mappings/{base}/{associated}", new Entry((who, id) -> new Call("PUT",
                t + "/mappings/phone/mobile", "{\"links\":" + (who == Who.ADMIN ? LINKS : EVIL_LINKS) + "}"),
                adminOk(200), false));
        m.put("GET /v1/business-types/{type}/mappings/{base}/{associated}", fixed("GET", t + "/mappings/phone/mobile",
                null, adminOk(200)));
        m.put("GET /v1/business-types/{type}/mapping-form", fixed("GET", t + "/mapping-form?base=phone&associated="
                + "mobile", null, adminOk(200)));
        m.put("POST /v1/business-types/{type}/handoff-preview", fixed("POST", t + "/handoff-preview",
                "{\"from\":\"phone\",\"to\":\"mobile\",\"completed\":[\"quote\"]}", adminOk(200)));
        m.put("POST /v1/business-types/{type}/mapping-check", fixed("POST", t + "/mapping-check",
                "{\"base\":\"phone\",\"associated\":\"mobile\",\"links\":" + EVIL_LINKS + "}", adminOk(200)));
        m.put("GET /v1/downstreams/{name}", fixed("GET", "/v1/downstreams/" + DOWNSTREAM, null, adminOk(200)));
        m.put("PUT /v1/downstreams/{name}", new Entry((who, id) -> new Call("PUT", "/v1/downstreams/" + DOWNSTREAM,
                downstream(who == Who.ADMIN ? stack.insurerUri() + "/proposals" : "http://169.254.169.254/latest")),
                adminOk(200), false));
        m.put("POST /v1/downstreams/{name}/classify", fixed("POST", "/v1/downstreams/" + DOWNSTREAM + "/classify",
                "{\"failure\":{\"kind\":\"HTTP_STATUS\",\"httpStatus\":429}}",
                Map.of(Who.ADMIN, Expect.ok(200), Who.OPERATOR, Expect.ok(200))));
        // the inbox of failures the rules missed: operators read and dry-run, admins publish; an unknown group is 404
        String inbox = "/v1/downstreams/" + DOWNSTREAM + "/inbox";
        String inboxRule = "{\"rule\":{\"id\":\"bb-pending\",\"when\":{\"codes\":[\"ERR-917\"]},"
                + "\"category\":\"TRANSIENT\"}}";
        m.put("GET /v1/downstreams/{name}/inbox", fixed("GET", inbox, null,
                Map.of(Who.ADMIN, Expect.ok(200), Who.OPERATOR, Expect.ok(200))));
        m.put("POST /v1/downstreams/{name}/inbox/dry-run", fixed("POST", inbox + "/dry-run", inboxRule,
                Map.of(Who.ADMIN, Expect.ok(200), Who.OPERATOR, Expect.ok(200))));
        m.put("POST /v1/downstreams/{name}/inbox/{group}/rule", fixed("POST", inbox + "/0123456789abcdef/rule",
                inboxRule, Map.of(Who.ADMIN, Expect.problem(404, "not-found"))));
        m.put("POST /v1/downstreams/{name}/inbox/{group}/release", fixed("POST", inbox + "/0123456789abcdef/release",
                null, Map.of(Who.ADMIN, Expect.problem(404, "not-found"), Who.OPERATOR,
                        Expect.problem(404, "not-found"))));
        // operators: listing and redrive
        m.put("GET /v1/orders", fixed("GET", "/v1/orders?syncState=DEAD", null, Map.of(Who.OPERATOR, Expect.ok(200))));
        m.put("POST /v1/orders/{id}/redrive", new Entry((who, id) -> new Call("POST", "/v1/orders/" + id
                + "/redrive", null), Map.of(Who.OPERATOR, Expect.problem(409, "not-dead")), true));
        // terminals: any terminal starts its own orders (each caller tries a fresh id)
        m.put("POST /v1/orders", new Entry((who, id) -> new Call("POST", "/v1/orders", "{\"orderId\":\"" + id + "-"
                + who.name().toLowerCase().replace('_', '-') + "\",\"businessType\":\"" + TYPE + "\",\"platform\":\""
                + who.platform() + "\",\"terminalId\":\"" + who.terminal() + "\",\"data\":{\"applicant\":\"" + NAME
                + "\"}}"), terminals(Expect.ok(201), Expect.ok(201), Expect.ok(201)), false));
        // one order: the owner, and nobody else (operators read masked data and issue grants)
        m.put("GET /v1/orders/{id}", new Entry((who, id) -> new Call("GET", "/v1/orders/" + id, null),
                withOperator(terminals(Expect.ok(200), notFound(), notFound()), Expect.ok(200)), true));
        // its events: whoever may read the order (the same 404 for strangers)
        m.put("GET /v1/orders/{id}/events", new Entry((who, id) -> new Call("GET", "/v1/orders/" + id + "/events",
                null), withOperator(terminals(Expect.ok(200), notFound(), notFound()), Expect.ok(200)), true));
        m.put("POST /v1/orders/{id}/nodes/{nodeId}/complete", new Entry((who, id) -> new Call("POST", "/v1/orders/"
                + id + "/nodes/" + (who.platform().equals("phone") ? "vehicle" : "car") + "/complete",
                "{\"platform\":\"" + who.platform() + "\",\"terminalId\":\"" + who.terminal() + "\",\"data\":"
                        + "{\"plate\":\"沪A12345\",\"holderMobile\":\"" + PHONE + "\"}}"),
                terminals(Expect.ok(200), notFound(), notFound()), true));
        m.put("POST /v1/orders/{id}/handoffs", new Entry((who, id) -> new Call("POST", "/v1/orders/" + id
                + "/handoffs", "{\"toPlatform\":\"" + (who == Who.SAME_PLATFORM ? "phone" : "mobile")
                // another phone terminal names the version it supersedes: an explicit steal, still not its to make
                + "\",\"terminalId\":\"" + who.terminal() + "\"" + (who == Who.SAME_PLATFORM ? ",\"expectedVersion\":2"
                : "") + "}"),
                terminals(Expect.ok(200), notFound(), notFound()), true));
        m.put("POST /v1/orders/{id}/handoff-grants", new Entry((who, id) -> new Call("POST", "/v1/orders/" + id
                + "/handoff-grants", "{\"toPlatform\":\"mobile\"}"),
                withOperator(terminals(Expect.ok(201), notFound(), notFound()), Expect.ok(201)), true));
        m.put("POST /v1/orders/{id}/sync", new Entry((who, id) -> new Call("POST", "/v1/orders/" + id + "/sync",
                who == Who.OWNER ? "{\"downstream\":\"" + DOWNSTREAM + "\"}" : "{\"downstream\":\"" + DOWNSTREAM
                        + "\",\"payload\":{\"premium\":0}}"),
                terminals(Expect.ok(200), notFound(), notFound()), true));
        return m;
    }

    static Entry fixed(String method, String path, String body, Map<Who, Expect> allowed) {
        return new Entry((who, id) -> new Call(method, path, body), allowed, false);
    }

    static Map<Who, Expect> adminOk(int status) {
        return Map.of(Who.ADMIN, Expect.ok(status));
    }

    static Map<Who, Expect> terminals(Expect owner, Expect samePlatform, Expect otherPlatform) {
        return Map.of(Who.OWNER, owner, Who.SAME_PLATFORM, samePlatform, Who.OTHER_PLATFORM, otherPlatform);
    }

    static Map<Who, Expect> withOperator(Map<Who, Expect> terminals, Expect operator) {
        Map<Who, Expect> all = new EnumMap<>(Who.class);
        all.putAll(terminals);
        all.put(Who.OPERATOR, operator);
        return all;
    }

    static Expect notFound() {
        return Expect.problem(404, "not-found");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The document
    // ---------------------------------------------------------------------------------------------------------

    /** Operation ("GET /v1/orders/{id}") → the scopes of its {@code security} (empty: no token needed). */
    static Map<String, List<String>> documentedOperations() throws Exception {
        Reply doc = http.call("GET", "/v1/openapi.yaml", null, null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(doc.body()).path("paths");
        Map<String, List<String>> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                List<String> scopes = new ArrayList<>();
                op.getValue().path("security").forEach(req -> req.fields().forEachRemaining(s ->
                        s.getValue().forEach(scope -> scopes.add(scope.asText()))));
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), scopes);
                List<String> statuses = new ArrayList<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                RESPONSES.put(op.getKey().toUpperCase() + " " + path.getKey(), statuses);
            }
        }
        return operations;
    }

    /** The scopes each valid-token caller has. */
    static List<String> scopesOf(Who who) {
        return switch (who) {
            case OWNER, SAME_PLATFORM, OTHER_PLATFORM -> List.of(Tokens.TERMINAL);
            case OPERATOR -> List.of(Tokens.OPERATOR);
            case ADMIN -> List.of(Tokens.ADMIN);
            case WRONG_SCOPE -> List.of("openid", "profile", "baton/unknown");
            default -> List.of(Tokens.TERMINAL, Tokens.OPERATOR, Tokens.ADMIN);
        };
    }

    /** What {@code who} is answered on a route with {@code scopes}, given the entry's per-caller answers. */
    static Expect expected(Who who, List<String> scopes, Entry entry) {
        if (scopes.isEmpty()) {
            return Expect.ok(200); // no authorizer: a token, broken or not, is not looked at
        }
        if (who.unverified()) {
            return Expect.problem(401, null);
        }
        if (scopesOf(who).stream().noneMatch(scopes::contains)) {
            return Expect.problem(403, null);
        }
        Expect e = entry.allowed().get(who);
        if (e == null) {
            throw new AssertionError("the matrix names no answer for " + who + " although its scope allows the route");
        }
        return e;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tests
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyDocumentedRoute_hasAMatrixEntry_andNoEntryIsStale() throws Exception {
        assertThat(new TreeSet<>(matrix().keySet())).isEqualTo(new TreeSet<>(documentedOperations().keySet()));
    }

    @Test
    void everyCallerOfEveryRoute_getsTheDocumentedAnswer_andRefusedCallsChangeNothing() throws Exception {
        Map<String, List<String>> operations = documentedOperations();
        Map<String, Entry> matrix = matrix();
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, List<String>> op : operations.entrySet()) {
            Entry entry = matrix.get(op.getKey());
            if (entry == null) {
                soft.fail("no matrix entry for " + op.getKey());
                continue;
            }
            String id = entry.perOrder() || op.getKey().equals("POST /v1/orders") ? newOrder() : null;
            Map<Who, Expect> expected = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                expected.put(who, expected(who, op.getValue(), entry));
            }
            // refused callers first: afterwards nothing may have changed
            String before = state(id);
            for (Who who : Who.values()) {
                if (expected.get(who).status() >= 400) {
                    cell(soft, op.getKey(), who, entry, id, expected.get(who));
                }
            }
            soft.assertThat(state(id)).as(op.getKey() + ": state after the refused calls").isEqualTo(before);
            if (op.getKey().equals("POST /v1/orders")) {
                for (Who who : Who.values()) {
                    if (expected.get(who).status() >= 400) {
                        String tried = id + "-" + who.name().toLowerCase().replace('_', '-');
                        soft.assertThat(as(Who.OPERATOR, "GET", "/v1/orders/" + tried, null).status())
                                .as("order " + tried + " started by a refused " + who).isEqualTo(404);
                    }
                }
            }
            for (Who who : Who.values()) {
                if (expected.get(who).status() < 400) {
                    cell(soft, op.getKey(), who, entry, id, expected.get(who));
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void hostileIdsFieldsAndTokensInRequests_areRefusedWithProblemsThatEchoNone() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        String owner = TOKEN.get(Who.OWNER);
        // order ids that are an ID number or a phone number, on every per-order route, as a valid terminal
        Map<String, Entry> matrix = matrix();
        for (String bad : List.of(ID_NUMBER, PHONE)) {
            for (Map.Entry<String, Entry> e : matrix.entrySet()) {
                if (!e.getValue().perOrder()) {
                    continue;
                }
                Who who = e.getKey().endsWith("/redrive") ? Who.OPERATOR : Who.OWNER;
                Call call = e.getValue().call().apply(who, bad);
                Reply reply = http.call(call.method(), call.path(), call.body(), TOKEN.get(who));
                String label = e.getKey() + " with id " + bad;
                soft.assertThat(reply.status()).as(label + " → " + reply).isEqualTo(404);
                soft.assertThat(reply.contentType()).as(label).startsWith("application/problem+json");
                noEcho(soft, label, reply);
            }
        }
        String id = newOrder();
        List<Call> hostile = List.of(
                // an unknown field named by an ID number, holding a phone number
                new Call("POST", "/v1/orders/" + id + "/nodes/vehicle/complete", "{\"platform\":\"phone\","
                        + "\"terminalId\":\"" + OWNER + "\",\"" + ID_NUMBER + "\":\"" + PHONE + "\"}"),
                new Call("POST", "/v1/orders", "{\"" + ID_NUMBER + "\":1}"),
                new Call("POST", "/v1/orders/" + id + "/sync", "{\"downstream\":\"" + DOWNSTREAM + "\",\""
                        + PHONE + "\":true}"),
                // a terminal id that is a phone number, not the token's terminal
                new Call("POST", "/v1/orders/" + id + "/nodes/vehicle/complete", "{\"platform\":\"phone\","
                        + "\"terminalId\":\"" + PHONE + "\"}"),
                new Call("POST", "/v1/orders/" + id + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":\""
                        + ID_NUMBER + "\"}"),
                // a token pasted where a grant code goes, and into an order id
                new Call("POST", "/v1/orders/" + id + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":\""
                        + OWNER + "\",\"grant\":\"" + owner + "\"}"),
                new Call("GET", "/v1/orders/" + owner, null),
                new Call("POST", "/v1/orders", "{\"orderId\":\"" + owner + "\"}"),
                // a phone number as a node id and as a platform
                new Call("POST", "/v1/orders/" + id + "/nodes/" + PHONE + "/complete", "{\"platform\":\"phone\","
                        + "\"terminalId\":\"" + OWNER + "\"}"),
                new Call("POST", "/v1/orders/" + id + "/handoff-grants", "{\"toPlatform\":\"+86 138-1234-5678\"}"),
                // a token, an ID number and a phone number as names and values of query parameters
                new Call("GET", "/v1/orders/" + id + "?" + owner + "=1", null),
                new Call("GET", "/v1/orders/" + id + "?access_token=" + owner, null),
                new Call("GET", "/v1/orders/" + id + "?" + ID_NUMBER + "=" + PHONE, null),
                // a token and an ID number in paths no route serves, and with a method the path does not allow
                new Call("GET", "/v1/" + owner, null),
                new Call("GET", "/v1/orders/" + id + "/" + ID_NUMBER, null),
                new Call("DELETE", "/v1/orders/" + owner, null));
        for (Call call : hostile) {
            Reply reply = http.call(call.method(), call.path(), call.body(), owner);
            String label = call.method() + " " + call.path().replace(owner, "<token>") + " "
                    + (call.body() == null ? "" : call.body().replace(owner, "<token>"));
            soft.assertThat(reply.status()).as(label + " → " + reply).isBetween(400, 499);
            soft.assertThat(reply.contentType()).as(label + " → " + reply).startsWith("application/problem+json");
            noEcho(soft, label, reply);
        }
        soft.assertThat(as(Who.OWNER, "GET", "/v1/orders/" + id, null).json().path("version").asLong())
                .as("the order after the hostile calls").isEqualTo(2);
        soft.assertAll();
    }

    /**
     * A stranger who starts an order with the id (or the key) of someone else's order must not learn that it
     * exists, nor occupy it: a taken id and a free id are answered alike (ids are scoped per terminal, so each
     * gets an order of its own), and the owner's order is untouched.
     */
    @Test
    void startingAnOrderWithSomeoneElsesId_doesNotRevealThatItExists() {
        String taken = newOrder();
        String free = "bb-free-" + ORDERS.incrementAndGet();
        Function<String, Reply> start = id -> as(Who.SAME_PLATFORM, "POST", "/v1/orders", "{\"orderId\":\"" + id
                + "\",\"businessType\":\"" + TYPE + "\",\"platform\":\"phone\",\"terminalId\":\""
                + SAME_PLATFORM + "\"}");
        Reply onTaken = start.apply(taken);
        Reply onFree = start.apply(free);
        // the owner's order is untouched either way
        assertThat(as(Who.OWNER, "GET", "/v1/orders/" + taken, null).json().path("version").asLong()).isEqualTo(2);
        assertThat(onTaken.status()).as("a stranger starting " + taken + " → " + onTaken + "; with a free id → "
                + onFree).isEqualTo(onFree.status()).isEqualTo(201);
        assertThat(onTaken.json().path("orderId").asText()).isNotEqualTo(taken);
    }

    /**
     * The catch-all route {@code ANY /{proxy+}} has no authorizer. A path that the gateway does not match to a
     * protected route but a function's router might (a trailing slash, doubled or dot segments, other case, an
     * encoded slash, a path parameter) must still never be served without a valid token with the route's scope.
     */
    @Test
    void pathVariantsOfProtectedRoutes_neverGetPastTheAuthorizer() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Entry> matrix = matrix();
        String id = newOrder();
        String before = state(id);
        for (Map.Entry<String, List<String>> op : documentedOperations().entrySet()) {
            if (op.getValue().isEmpty()) {
                continue;
            }
            Call call = matrix.get(op.getKey()).call().apply(Who.OWNER, id);
            String path = call.path().contains("?") ? call.path().substring(0, call.path().indexOf('?'))
                    : call.path();
            String query = call.path().substring(path.length());
            int last = path.lastIndexOf('/');
            List<String> variants = List.of(path + "/", "/" + path, path.replace("/v1/", "/v1//"),
                    path.replace("/v1/", "/v1/./"), path.replace("/v1/", "/v1/x/../"), path.replace("/v1/", "/V1/"),
                    path.substring(0, last) + "%2F" + path.substring(last + 1), path + "%2F", path + ";x", path + "%00",
                    path.replace("/v1/", "/%761/"));
            for (String variant : variants) {
                for (Who who : List.of(Who.NO_TOKEN, Who.WRONG_KEY, Who.WRONG_SCOPE)) {
                    Reply reply = http.call(call.method(), variant + query, call.body(), TOKEN.get(who));
                    String label = call.method() + " " + variant + query + " as " + who;
                    CELLS.add(String.format("variant %-70s %-12s got %d%s", call.method() + " " + variant, who,
                            reply.status(), problemOf(reply)));
                    soft.assertThat(reply.status()).as(label + " → " + reply).isIn(400, 401, 403, 404, 405);
                    if (reply.status() != 401 && reply.status() != 403 || !reply.body().startsWith("{\"message\"")) {
                        soft.assertThat(reply.contentType()).as(label + " → " + reply)
                                .startsWith("application/problem+json");
                    }
                    noEcho(soft, label, reply);
                }
            }
        }
        soft.assertThat(state(id)).as("state after the path variants").isEqualTo(before);
        soft.assertAll();
    }

    /** A plain order (no business type) belongs to the terminal whose token started it, and to nobody else. */
    @Test
    void aPlainOrder_belongsToTheTerminalThatStartedIt() {
        SoftAssertions soft = new SoftAssertions();
        String key = "bb-plain-" + ORDERS.incrementAndGet();
        Reply started = as(Who.OWNER, "POST", "/v1/orders", "{\"orderId\":\"" + key + "\",\"data\":{\"applicant\":\""
                + NAME + "\",\"idNumber\":\"" + ID_NUMBER + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().path("orderId").asText();
        // an unknown id of the same shape, so the two 404s can be compared
        String unknown = "k-" + "0".repeat(id.length() - 2);
        String before = state(id);
        for (Who stranger : List.of(Who.SAME_PLATFORM, Who.OTHER_PLATFORM)) {
            for (String[] call : new String[][] {{"GET", "", null}, {"POST", "/sync", "{\"downstream\":\"" + DOWNSTREAM
                    + "\",\"payload\":{\"premium\":0}}"}, {"POST", "/handoffs", "{\"toPlatform\":\"mobile\","
                    + "\"terminalId\":\"" + stranger.terminal() + "\"}"}, {"POST", "/handoff-grants",
                    "{\"toPlatform\":\"mobile\"}"}}) {
                Reply mine = as(stranger, call[0], "/v1/orders/" + id + call[1], call[2]);
                Reply none = as(stranger, call[0], "/v1/orders/" + unknown + call[1], call[2]);
                String label = call[0] + " " + call[1] + " of a plain order as " + stranger;
                soft.assertThat(mine.status()).as(label + " → " + mine).isEqualTo(404);
                soft.assertThat(shape(mine, id)).as(label).isEqualTo(shape(none, unknown));
                noEcho(soft, label, mine);
            }
        }
        soft.assertThat(state(id)).as("the plain order after the strangers").isEqualTo(before);
        Reply operator = as(Who.OPERATOR, "GET", "/v1/orders/" + id, null);
        soft.assertThat(operator.status()).as(operator.toString()).isEqualTo(200);
        soft.assertThat(operator.body()).doesNotContain(ID_NUMBER, NAME);
        soft.assertThat(operator.json().path("dataMasked").asBoolean()).isTrue();
        Reply noFlow = as(Who.OWNER, "POST", "/v1/orders/" + id + "/handoff-grants", "{\"toPlatform\":\"mobile\"}");
        soft.assertThat(noFlow.status()).as(noFlow.toString()).isEqualTo(409);
        soft.assertThat(noFlow.json().path("type").asText()).isEqualTo("urn:baton:problem:no-flow");
        Reply synced = as(Who.OWNER, "POST", "/v1/orders/" + id + "/sync", "{\"downstream\":\"" + DOWNSTREAM + "\"}");
        soft.assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        soft.assertThat(synced.json().path("status").asText()).isEqualTo("SYNCED");
        soft.assertAll();
    }

    /**
     * A terminal-scoped token without a {@code terminal_id} claim must not start an order owned by nobody (which
     * even its starter could not read again): such a start is refused with 403 {@code terminal-missing}.
     */
    @Test
    void aStartWithATokenThatNamesNoTerminal_leavesNoOrderNobodyCanUse() throws Exception {
        String anonymous = tokens.valid(Tokens.TERMINAL, null);
        String id = "bb-anon-" + ORDERS.incrementAndGet();
        String body = "{\"orderId\":\"" + id + "\"}";
        Reply started = http.call("POST", "/v1/orders", body, anonymous);
        assertThat(started.status()).as(started.toString()).isEqualTo(403);
        assertThat(started.contentType()).startsWith("application/problem+json");
        assertThat(started.json().path("type").asText()).isEqualTo("urn:baton:problem:terminal-missing");
        assertThat(as(Who.OPERATOR, "GET", "/v1/orders/" + id, null).status()).isEqualTo(404);
    }

    /**
     * Forged tokens (unsigned, HMAC with the public key, no expiry, another issuer, not yet valid, signature
     * stripped, payload swapped), and methods no route has, never get past the authorizer on any protected route.
     */
    @Test
    void forgedTokensAndOtherMethods_neverGetPastTheAuthorizer() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        Map<String, String> forgeries = tokens.forgeries(ALL_SCOPES, OWNER);
        Map<String, Entry> matrix = matrix();
        String id = newOrder();
        String before = state(id);
        for (Map.Entry<String, List<String>> op : documentedOperations().entrySet()) {
            if (op.getValue().isEmpty()) {
                continue;
            }
            Call call = matrix.get(op.getKey()).call().apply(Who.OWNER, id);
            for (Map.Entry<String, String> forged : forgeries.entrySet()) {
                Reply reply = http.call(call.method(), call.path(), call.body(), forged.getValue());
                String label = op.getKey() + " with a token " + forged.getKey();
                CELLS.add(String.format("forged  %-62s %-26s got %d%s", op.getKey(), forged.getKey(), reply.status(),
                        problemOf(reply)));
                soft.assertThat(reply.status()).as(label + " → " + reply).isEqualTo(401);
                soft.assertThat(reply.body()).as(label).doesNotContain(forged.getValue());
            }
            for (String method : List.of("HEAD", "OPTIONS", "PATCH", "DELETE", "TRACE")) {
                Reply reply = http.call(method, call.path(), null, null);
                String label = method + " " + call.path() + " without a token";
                CELLS.add(String.format("method  %-62s %-26s got %d%s", method + " " + call.path(), "NO_TOKEN",
                        reply.status(), problemOf(reply)));
                soft.assertThat(reply.status()).as(label + " → " + reply).isIn(401, 404, 405);
            }
        }
        soft.assertThat(state(id)).as("state after the forged tokens").isEqualTo(before);
        soft.assertAll();
    }

    /** Calls one cell, records it, and checks the answer (and, for strangers, that it matches an unknown id's). */
    static void cell(SoftAssertions soft, String operation, Who who, Entry entry, String id, Expect expect) {
        Call call = entry.call().apply(who, id);
        Reply reply = http.call(call.method(), call.path(), call.body(), TOKEN.get(who));
        String label = operation + " as " + who;
        boolean matches = reply.status() == expect.status() && (expect.problem() == null
                || reply.contentType().startsWith("application/problem+json")
                && reply.json().path("type").asText().equals("urn:baton:problem:" + expect.problem()));
        CELLS.add(String.format("%-62s %-15s expected %d%s got %d%s %s", operation, who, expect.status(),
                expect.problem() == null ? "" : " " + expect.problem(), reply.status(), problemOf(reply),
                matches ? "ok" : "MISMATCH"));
        soft.assertThat(reply.status()).as(label + " → " + reply).isEqualTo(expect.status());
        if (expect.problem() != null) {
            soft.assertThat(reply.contentType()).as(label + " content type").startsWith("application/problem+json");
            soft.assertThat(reply.json().path("type").asText()).as(label + " → " + reply)
                    .isEqualTo("urn:baton:problem:" + expect.problem());
        }
        if (reply.status() >= 400) {
            noEcho(soft, label, reply);
        }
        boolean authorizer = reply.body().startsWith("{\"message\"");
        if (!authorizer) {
            // every answer of Baton itself is one the document declares for the operation
            soft.assertThat(RESPONSES.get(operation)).as(label + ": status " + reply.status()
                    + " declared in the document").contains(Integer.toString(reply.status()));
        }
        if (reply.status() == 401 || reply.status() == 403 && expect.problem() == null) {
            // API Gateway's JWT authorizer answers before any function; deployed its bodies are exactly these
            soft.assertThat(reply.body()).as(label).isIn("{\"message\":\"Unauthorized\"}",
                    "{\"message\":\"Forbidden\"}");
        }
        if (entry.perOrder() && reply.status() == 404) {
            // a stranger cannot tell the order from one that does not exist
            String unknown = "bb-unknown-" + ORDERS.incrementAndGet();
            Call none = entry.call().apply(who, unknown);
            Reply other = http.call(none.method(), none.path(), none.body(), TOKEN.get(who));
            soft.assertThat(shape(reply, id)).as(label + ": the same answer as for an unknown id")
                    .isEqualTo(shape(other, unknown));
        }
        if (operation.equals("GET /v1/orders/{id}") && reply.status() == 200) {
            JsonNode order = reply.json();
            JsonNode data = order.path("progress").path("phone").get(0).path("data");
            if (who == Who.OPERATOR) {
                soft.assertThat(order.path("dataMasked").asBoolean()).as(label + " dataMasked").isTrue();
                soft.assertThat(data.path("idNumber").asText()).as(label + " idNumber").isEqualTo("***");
                soft.assertThat(order.path("data").path("applicant").asText()).as(label + " applicant")
                        .isEqualTo("***");
                soft.assertThat(reply.body()).as(label).doesNotContain(ID_NUMBER, PHONE, NAME);
            } else {
                soft.assertThat(order.path("dataMasked").asBoolean()).as(label + " dataMasked").isFalse();
                soft.assertThat(data.path("idNumber").asText()).as(label + " idNumber").isEqualTo(ID_NUMBER);
            }
        }
    }

    /** A refusal never shows a token (or a part of one), an ID number or a phone number. */
    static void noEcho(SoftAssertions soft, String label, Reply reply) {
        soft.assertThat(reply.body()).as(label + " echoes personal data").doesNotContain(ID_NUMBER, PHONE,
                "138-1234-5678", "110105");
        for (String token : TOKEN.values()) {
            for (String part : token.split("\\.")) {
                soft.assertThat(reply.body()).as(label + " echoes a token").doesNotContain(part.substring(0,
                        Math.min(24, part.length())));
            }
        }
    }

    static String problemOf(Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "";
        }
        return " " + reply.json().path("type").asText().replace("urn:baton:problem:", "");
    }

    /** A problem answer with the order id and the request id taken out, to compare two answers. */
    static String shape(Reply reply, String orderId) {
        String body = reply.body().replace(orderId, "ID");
        try {
            JsonNode json = Http.JSON.readTree(body);
            if (json instanceof ObjectNode object) {
                object.remove("instance");
            }
            return reply.status() + " " + reply.contentType() + " " + json;
        } catch (Exception e) {
            return reply.status() + " " + reply.contentType() + " " + body;
        }
    }

    /**
     * Everything a refused call could have changed, read back as the owner and the admin: the order (if any),
     * the flows, the mapping and the downstream.
     */
    static String state(String orderId) {
        List<String> parts = new ArrayList<>();
        if (orderId != null) {
            parts.add(normalised(as(Who.OWNER, "GET", "/v1/orders/" + orderId, null)));
        }
        for (String path : List.of("/v1/business-types/" + TYPE + "/flows", "/v1/business-types/" + TYPE
                + "/flows/phone", "/v1/business-types/" + TYPE + "/mappings/phone/mobile", "/v1/downstreams/"
                + DOWNSTREAM, "/v1/downstreams")) {
            Reply reply = as(Who.ADMIN, "GET", path, null);
            parts.add(reply.status() + " " + reply.body());
        }
        return String.join("\n", parts);
    }

    /** An order read back without the time a never-synced order's sync view is computed at. */
    static String normalised(Reply reply) {
        if (reply.status() != 200) {
            return reply.status() + " " + reply.body();
        }
        ObjectNode order = (ObjectNode) reply.json();
        if (order.path("sync").path("state").asText().equals("NOT_SYNCED")) {
            ((ObjectNode) order.get("sync")).remove("changedAt");
        }
        return order.toString();
    }
}
