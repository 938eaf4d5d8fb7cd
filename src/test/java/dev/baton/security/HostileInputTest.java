package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;
import dev.baton.local.ApiEvents;
import dev.baton.order.app.OrderService;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Hostile input against every route of one function ("Security and privacy"): every answer must be a 4xx
 * {@code application/problem+json} whose {@code status} equals the HTTP status and that leaks no stack trace,
 * and a snapshot of both tables (a Scan of each) must be the same before and after. Subclasses pick the
 * function (one {@code @TestProfile} each) and add the cases of its routes.
 */
public abstract class HostileInputTest {

    /** Stands for a lone-surrogate escape, which Jackson cannot write; replaced in the body text. */
    static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";
    static final String HUGE_STRING = "x".repeat(100_000);

    /** Hostile values for path parameters, as they appear in the raw path (already URL-encoded where needed). */
    static final List<String> HOSTILE_PATH_VALUES = List.of(
            "..%2F..%2Fetc%2Fpasswd", "..", "%2E%2E", "%00", "a%00b", "'%20OR%201=1%20--", "'+OR+1=1+--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>", "$%7Bjndi:ldap:%2F%2Fx%7D", "${jndi:ldap://x}",
            "a".repeat(65), "a%2Fb", "a%5Cb", "%", "%zz", "%%%", "%ED%A0%80", "%C3%28", "a%E2%80%8Bb",
            "a%E2%80%AEb", "%F0%9F%98%80", "%EF%BC%91%EF%BC%92", "A%20B", "UPPER", "-lead", "a.b");

    /** Malformed or non-object bodies. */
    static final List<String> MALFORMED = List.of("{", "{\"a\":", "[", "nul", "\"str\"", "123", "{}}", "[]",
            "null", "true", "{\"a\":1,\"a\":2}", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "\uFEFF{}", "{} {}",
            "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1E-2147483648}", "{\"a\":1e2147483648}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}", "<xml/>", " ");

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    OrderService orders;
    @Inject
    DownstreamService downstreams;
    @Inject
    DynamoDbClient dynamo;
    @ConfigProperty(name = "baton.tables.orders")
    String ordersTable;
    @ConfigProperty(name = "baton.tables.definitions")
    String definitionsTable;

    protected final String suffix = UUID.randomUUID().toString().substring(0, 8);
    /** A business type with flows on phone (a, b, c) and web (x, y) and a mapping phone → web. */
    protected final String type = "hx-" + suffix;
    /** An order of {@link #type} owned by phone / desk-1. */
    protected final String flowOrder = "ho-" + suffix;
    /** A plain order (no flow), NOT_SYNCED. */
    protected final String plainOrder = "hp-" + suffix;
    /** A downstream whose endpoint answers nothing. */
    protected final String downstream = "hd-" + suffix;

    /** The exported function under test, for the summary line. */
    protected abstract String function();

    /** Adds the cases of every route the function serves. */
    protected abstract void addCases(Cases cases);

    @Test
    void hostileInput_isAlwaysAClientProblem_andChangesNothing() {
        seed();
        TableSnapshot before = TableSnapshot.of(dynamo, Map.of("orders", ordersTable, "definitions",
                definitionsTable));
        assertThat(before.toString()).as("the snapshot sees the seeded data").contains(flowOrder)
                .contains(plainOrder).contains(type).contains(downstream);

        Cases cases = new Cases();
        addCases(cases);
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        TableSnapshot current = before;
        for (Case c : cases.list) {
            Reply reply;
            try {
                reply = send(c);
            } catch (RuntimeException | AssertionError e) {
                failures.add(c + " -> no API Gateway answer: " + e.getMessage());
                continue;
            }
            if (reply.status() >= 500) {
                serverErrors++;
            }
            String problem = problemOf(reply);
            if (problem != null) {
                failures.add(c + " -> " + problem + ": " + clip(reply.status() + " " + reply.contentType() + " "
                        + reply.body()));
            }
            if (reply.status() < 400 || reply.status() >= 500) {
                // attribute writes to the case that made them
                TableSnapshot now = TableSnapshot.of(dynamo, Map.of("orders", ordersTable, "definitions",
                        definitionsTable));
                String diff = current.diff(now);
                if (!diff.isEmpty()) {
                    failures.add(c + " -> WROTE: " + clip(diff));
                }
                current = now;
            }
        }
        TableSnapshot after = TableSnapshot.of(dynamo, Map.of("orders", ordersTable, "definitions",
                definitionsTable));
        int changes = before.changedItems(after);
        System.out.println("hostile input: " + cases.list.size() + " cases, " + serverErrors + " 5xx, " + changes
                + " changes (" + function() + ")");
        failures.forEach(f -> System.out.println("HOSTILE FAILURE [" + function() + "] " + f));
        assertThat(failures).as(failures.size() + " of " + cases.list.size() + " hostile cases failed on "
                + function()).isEmpty();
        assertThat(before.diff(after)).as("tables changed").isEmpty();
    }

    private void seed() {
        flows.publish(type, "phone", List.of(new Node("a", "Step a"), new Node("b", "Step b"), new Node("c",
                "Step c")));
        flows.publish(type, "web", List.of(new Node("x", "Step x"), new Node("y", "Step y")));
        mappings.publish(type, "phone", "web", List.of(new Link("a", List.of("x")), new Link("b", List.of("y"))));
        orders.start(new OrderService.Start(Optional.of(flowOrder), Optional.of(type), Optional.of("phone"),
                Optional.of("desk-1"), NodeData.EMPTY, "fp-" + flowOrder));
        orders.start(new OrderService.Start(Optional.of(plainOrder), Optional.empty(), Optional.empty(),
                Optional.empty(), new NodeData("{\"k\":\"v\"}"), "fp-" + plainOrder));
        downstreams.publish(new Downstream(downstream, 1, URI.create("http://127.0.0.1:9/hostile"),
                Duration.ofSeconds(2), Map.of(), Map.of(), null, Set.of(), null, null, RetryPolicy.DEFAULT,
                List.of()));
    }

    /** What is wrong with a reply, or null when it is a proper client problem. */
    static String problemOf(Reply reply) {
        if (reply.status() < 400 || reply.status() > 499) {
            return "status " + reply.status() + " is not a 4xx";
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "content type " + reply.contentType() + " is not application/problem+json";
        }
        String body = reply.body() == null ? "" : reply.body();
        if (body.contains("Exception") || body.contains("at dev.baton") || body.contains("\tat ")) {
            return "stack trace text in the body";
        }
        JsonNode json;
        try {
            json = Api.JSON.readTree(body);
        } catch (Exception e) {
            return "body is not JSON";
        }
        if (json == null || json.path("status").asInt(-1) != reply.status()) {
            return "body status differs from the HTTP status";
        }
        if (!json.path("type").asText("").startsWith("urn:baton:problem:") || json.path("title").asText("").isEmpty()) {
            return "not a Baton problem document";
        }
        return null;
    }

    static Reply send(Case c) {
        Map<String, String> headers = c.contentType() == null ? Map.of() : Map.of("content-type", c.contentType());
        ObjectNode event = ApiEvents.event(c.method(), c.path(), c.query(), headers, null, "$default", Map.of());
        if (c.body() != null) {
            event.put("body", c.body());
        }
        event.put("isBase64Encoded", c.base64());
        return Api.invoke(event.toString());
    }

    static String clip(String text) {
        return text == null ? "null" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    // ---- cases ------------------------------------------------------------------------------------------------

    /** One hostile request. */
    public record Case(String name, String method, String path, String query, String contentType, String body,
                       boolean base64) {
        @Override
        public String toString() {
            return "[" + name + "] " + method + " " + clip(path) + (query.isEmpty() ? "" : "?" + clip(query))
                    + (body == null ? "" : " body=" + clip(body.length() > 120 ? body.substring(0, 120) + "…("
                    + body.length() + " chars)" : body)) + (base64 ? " (base64)" : "")
                    + (contentType == null || "application/json".equals(contentType) ? "" : " ct=" + contentType);
        }
    }

    /** Kinds of documented body fields, which decide the wrong values they get. */
    enum Kind {
        /** An identifier with a pattern (ids, platforms, terminal ids, names of downstreams). */
        ID,
        /** Free text with a length limit (node names, header values): wrong types, lone surrogates, huge. */
        TEXT,
        /** Any JSON value inside free data (node data, payloads) or dry-run text: only the size limit. */
        FREE,
        /** A string from an enumeration. */
        ENUM,
        INT,
        ARRAY,
        OBJECT
    }

    /** A documented body field at a path such as {@code nodes[0].id}. */
    record Field(String path, Kind kind, boolean required) {
    }

    static Field req(String path, Kind kind) {
        return new Field(path, kind, true);
    }

    static Field opt(String path, Kind kind) {
        return new Field(path, kind, false);
    }

    /** Collects the cases. */
    public static final class Cases {
        final List<Case> list = new ArrayList<>();

        void add(String name, String method, String path, String query, String contentType, String body,
                 boolean base64) {
            list.add(new Case(name, method, path, query == null ? "" : query, contentType, body, base64));
        }

        void json(String name, String method, String path, String body) {
            add(name, method, path, "", "application/json", body, false);
        }

        /**
         * Hostile path parameters: {@code template} has {@code {param}} placeholders, {@code valid} their
         * valid values; each parameter in turn gets every hostile value while the others stay valid.
         */
        void hostilePaths(String method, String template, Map<String, String> valid, String query, String body) {
            for (String param : valid.keySet()) {
                for (String hostile : HOSTILE_PATH_VALUES) {
                    String path = template;
                    for (Map.Entry<String, String> e : valid.entrySet()) {
                        path = path.replace("{" + e.getKey() + "}", e.getKey().equals(param) ? hostile : e.getValue());
                    }
                    add("path " + param + "=" + hostile, method, path, query,
                            body == null ? null : "application/json", body, false);
                }
            }
        }

        /** Garbage query strings on a route whose path is valid. */
        void hostileQueries(String method, String path, List<String> queries) {
            for (String q : queries) {
                add("query " + q, method, path, q, null, null, false);
            }
        }

        /**
         * Every body attack on one body route: {@code template} is a valid body (which must never be sent as
         * is), {@code fields} its documented fields.
         */
        void hostileBodies(String method, String path, String template, List<Field> fields) {
            for (String m : MALFORMED) {
                json("malformed", method, path, m);
            }
            json("empty body", method, path, "");
            add("no body", method, path, "", "application/json", null, false);
            json("truncated", method, path, template.substring(0, template.length() / 2));
            json("trailing content", method, path, template + "x");
            json("two documents", method, path, template + template);
            // duplicated keys: the template's first key again, with the same and with another value
            ObjectNode parsed = parse(template);
            if (parsed.size() > 0) {
                String first = parsed.fieldNames().next();
                json("duplicate key " + first, method, path, "{\"" + first + "\":" + parsed.get(first) + ","
                        + template.substring(1));
                json("duplicate key " + first + " other value", method, path, "{\"" + first + "\":null,"
                        + template.substring(1));
            }
            // unknown fields, top level and in every nested object
            json("unknown field", method, path, withField(template, "", "zzUnknown", "1"));
            json("unknown field __proto__", method, path, withField(template, "", "__proto__", "{\"admin\":true}"));
            json("unknown field @class", method, path, withField(template, "", "@class",
                    "\"java.lang.Runtime\""));
            for (Field f : fields) {
                if (f.kind() == Kind.OBJECT && !f.path().endsWith("data") && !f.path().endsWith("payload")
                        && !f.path().equals("headers")) {
                    json("unknown field in " + f.path(), method, path, withField(template, f.path(), "zzUnknown",
                            "1"));
                }
            }
            // wrong types, nulls, missing, huge and unicode values per field
            for (Field f : fields) {
                for (String wrong : wrongValues(f)) {
                    json("field " + f.path() + "=" + clipName(wrong), method, path, replaced(template, f.path(),
                            wrong));
                }
                if (f.required() && !f.path().endsWith("]")) {
                    json("field " + f.path() + " missing", method, path, removed(template, f.path()));
                }
            }
            // deep nesting: a whole document and inside the first field
            json("deep nesting 200", method, path, "{\"a\":".repeat(200) + "1" + "}".repeat(200));
            json("deep arrays 200", method, path, "[".repeat(200) + "]".repeat(200));
            if (!fields.isEmpty()) {
                String deep = "[".repeat(200) + "]".repeat(200);
                json("deep nesting in " + fields.get(0).path(), method, path, replaced(template, fields.get(0).path(),
                        deep));
                String deepObject = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
                json("deep object in " + fields.get(0).path(), method, path, replaced(template,
                        fields.get(0).path(), deepObject));
            }
            // oversized bodies (300 KB), plain and base64
            String oversized = withField(template, "", "zzPad", "\"" + "p".repeat(300_000) + "\"");
            json("oversized 300 KB", method, path, oversized);
            add("oversized 300 KB base64", method, path, "", "application/json",
                    Base64.getEncoder().encodeToString(oversized.getBytes(StandardCharsets.UTF_8)), true);
            // wrong content types
            for (String ct : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/jsonx", "text/json")) {
                add("content type " + ct, method, path, "", ct, template, false);
            }
            add("xml body", method, path, "", "application/xml", "<nodes><node id=\"a\"/></nodes>", false);
            // invalid base64 and invalid UTF-8
            for (String b64 : List.of("%%%", "not base64!!", "=====", "eyJ")) {
                add("invalid base64 " + b64, method, path, "", "application/json", b64, true);
            }
            add("base64 of invalid UTF-8", method, path, "", "application/json",
                    Base64.getEncoder().encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28,
                        '"', '}'}), true);
            add("base64 of a lone surrogate in UTF-8", method, path, "", "application/json",
                    Base64.getEncoder().encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED,
                        (byte) 0xA0, (byte) 0x80, '"', '}'}), true);
        }

        private static String clipName(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        }
    }

    /** Wrong values (JSON text) for one field. */
    static List<String> wrongValues(Field f) {
        List<String> out = new ArrayList<>();
        if (f.kind() == Kind.FREE) {
            out.add("\"" + HUGE_STRING + "\"");
            return out;
        }
        switch (f.kind()) {
            case ID, TEXT, ENUM -> out.addAll(List.of("1", "1.5", "true", "[]", "{}", "[\"a\"]", "{\"a\":\"b\"}"));
            case INT -> out.addAll(List.of("\"1\"", "1.5", "1e2", "true", "[]", "{}", "99999999999",
                    "-99999999999", "-1", "0", "1e400", "12345678901234567890123"));
            case ARRAY -> out.addAll(List.of("\"x\"", "1", "true", "{}", "[[]]", "[null]", "[1]", "[{}]"));
            case OBJECT -> out.addAll(List.of("\"x\"", "1", "true", "[]", "[{}]"));
            default -> throw new IllegalStateException();
        }
        if (f.required()) {
            out.add("null");
        }
        switch (f.kind()) {
            case ID -> {
                out.addAll(quoted("", " ", " a", "a ", "a/b", "../../etc/passwd", "..\\..\\win.ini",
                        "' OR 1=1 --", "\\\" OR \\\"1\\\"=\\\"1", "<script>alert(1)</script>", "${jndi:ldap://x}",
                        "%00", "a%2Fb", "a".repeat(129), "a\\nb", "a\\tb"));
                // unicode edge cases
                out.addAll(quoted(LONE_SURROGATE, "a" + LONE_SURROGATE, "\\udc00", "a\\u0000",
                        "a\u200Bb", "\u200B", "a\u202Eb", "\u202Ea", "a\uD83D\uDE00", "\uD83D\uDE00",
                        "\uFF11\uFF12\uFF13", "\uFF41", "A\u0301", "\u0430"));
                out.add("\"" + HUGE_STRING + "\"");
            }
            case TEXT -> {
                out.addAll(quoted(LONE_SURROGATE, "a" + LONE_SURROGATE + "b", "\\udc00"));
                out.add("\"" + HUGE_STRING + "\"");
            }
            case ENUM -> out.addAll(quoted("", "timeout", "<script>", "TIMEOUT ", "${jndi:ldap://x}", LONE_SURROGATE,
                    HUGE_STRING));
            case ARRAY -> out.add(hugeArray());
            default -> {
            }
        }
        return out;
    }

    private static List<String> quoted(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add("\"" + v + "\"");
        }
        return out;
    }

    private static String hugeArray() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            b.append(i == 0 ? "" : ",").append("\"a\"");
        }
        return b.append(']').toString();
    }

    // ---- JSON surgery on the valid template --------------------------------------------------------------------

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad template " + json, e);
        }
    }

    private static List<Object> tokens(String path) {
        List<Object> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            out.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                out.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }

    private static JsonNode walk(JsonNode root, List<Object> tokens) {
        JsonNode node = root;
        for (Object t : tokens) {
            node = t instanceof Integer i ? node.get(i) : node.get((String) t);
        }
        return node;
    }

    /** The template with the field at {@code path} replaced by the raw JSON text {@code raw}. */
    static String replaced(String template, String path, String raw) {
        String marker = "@@REPLACE-" + UUID.randomUUID() + "@@";
        ObjectNode root = parse(template);
        List<Object> t = tokens(path);
        JsonNode parent = walk(root, t.subList(0, t.size() - 1));
        Object last = t.get(t.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, marker);
        } else {
            ((ObjectNode) parent).put((String) last, marker);
        }
        return root.toString().replace("\"" + marker + "\"", raw).replace(LONE_SURROGATE, "\\ud800");
    }

    /** The template without the field at {@code path}. */
    static String removed(String template, String path) {
        ObjectNode root = parse(template);
        List<Object> t = tokens(path);
        JsonNode parent = walk(root, t.subList(0, t.size() - 1));
        Object last = t.get(t.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).remove(i);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
        return root.toString();
    }

    /** The template with a field {@code name} (raw JSON {@code raw}) added to the object at {@code path}. */
    static String withField(String template, String path, String name, String raw) {
        String marker = "@@ADD-" + UUID.randomUUID() + "@@";
        ObjectNode root = parse(template);
        ((ObjectNode) walk(root, tokens(path))).put(name, marker);
        return root.toString().replace("\"" + marker + "\"", raw);
    }

    /** A map keeping insertion order, for path parameters. */
    static Map<String, String> params(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
