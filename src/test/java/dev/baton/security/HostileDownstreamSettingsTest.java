package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.StrictOrderSyncProfile;
import dev.baton.sync.app.Connector;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.RetryPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Downstream settings that could leak credentials or reach the function's own network, against
 * {@code PUT /v1/downstreams/{name}} with the endpoint policy as deployed (no local opt-in): every one is a
 * 422 naming the field and the rule, no answer is a 5xx, and no table item changes. Then the same policy at
 * call time, for a host name that resolves to a forbidden address.
 */
@QuarkusTest
@TestProfile(StrictOrderSyncProfile.class)
class HostileDownstreamSettingsTest {

    static final List<String> ENDPOINTS = List.of("http://api.insurer.example/p", "HTTPS://api.insurer.example/p",
            "Https://api.insurer.example/p", "ftp://api.insurer.example/p", "file:///etc/passwd",
            "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://169.254.170.2/v2/credentials", "https://[fd00:ec2::254]/latest", "https://localhost:2773/x",
            "https://localhost./p", "https://LocalHost/p", "https://x.localhost/p", "https://0.0.0.0/p",
            "https://[::]/p", "https://2130706433/p", "https://0x7f000001/p", "https://0x7f.0.0.1/p",
            "https://0177.0.0.1/p", "https://127.1/p", "https://127.0.1/p", "https://017700000001/p",
            "https://x@169.254.169.254/p", "https://user:pass@api.insurer.example/p", "https://@api.insurer.example/p",
            "https://api.insurer.example:0/p", "https://api.insurer.example:99999/p",
            "https://api.insurer.example:22/p", "https://api.insurer.example:2773/p", "https://127.0.0.1/p",
            "https://[::1]/p", "https://[::ffff:127.0.0.1]/p", "https://[::ffff:7f00:1]/p",
            "https://[::ffff:169.254.169.254]/p", "https://[0:0:0:0:0:ffff:a9fe:a9fe]/p", "https://[::a9fe:a9fe]/p",
            "https://[64:ff9b::a9fe:a9fe]/p", "https://[2002:a9fe:a9fe::]/p", "https://[fe80::1]/p",
            "https://[fe80::1%25eth0]/p", "https://10.0.0.1/p", "https://172.20.0.1/p", "https://192.168.0.1/p",
            "https://100.100.100.200/p", "https://[fc00::1]/p", "https://224.0.0.251/p", "https://[ff02::1]/p",
            "https://255.255.255.255/p", "https://169.254.169.254./p", "https://169.254.169.254.:443/p",
            "https://instance-data/p", "https://metadata.google.internal/p", "https://ｌｏｃａｌｈｏｓｔ/p",
            "https://xn--localhost-/p", "https://127.0.0.1.nip.io.1/p", "https://[::1]:443/p", "https:///p",
            "https://api.insurer.example\\@169.254.169.254/p", "https://169.254.169.254#@api.insurer.example/p");

    @Inject
    DynamoDbClient dynamo;
    @Inject
    Connector connector;
    @ConfigProperty(name = "baton.tables.orders")
    String ordersTable;
    @ConfigProperty(name = "baton.tables.definitions")
    String definitionsTable;

    @Test
    void everyForbiddenSettingIsA422NamingTheFieldAndTheRule_andNothingIsWritten() {
        // given a downstream name that has never been published, and the tables as they are
        String name = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        TableSnapshot before = snapshot();
        List<String> failures = new ArrayList<>();
        // when
        for (String endpoint : ENDPOINTS) {
            check(failures, name, "{\"endpoint\":" + Api.json(endpoint) + "}", "endpoint");
        }
        for (String header : List.of("Authorization", "authorization", "Cookie", "Proxy-Authorization", "X-Api-Key",
                "X-Auth-Token", "Host", "Content-Length", "Connection", "Expect", "Upgrade", "Transfer-Encoding",
                "Idempotency-Key", "Content-Type", "TE")) {
            check(failures, name, "{\"endpoint\":\"https://api.insurer.example/p\",\"headers\":{" + Api.json(header)
                    + ":\"Bearer abc\"}}", "headers." + header);
        }
        for (String env : List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID", "PATH",
                "BATON_TABLES_ORDERS", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "BATON_SECRET_", "baton_secret_x")) {
            check(failures, name, secret("{\"env\":\"" + env + "\"}"), "secretHeaders.Authorization.env");
        }
        for (String parameter : List.of("/prod/db-password", "/baton/../prod/x", "/baton/./x", "/baton//x",
                "/baton/", "/batons/x", "baton/x")) {
            check(failures, name, secret("{\"parameter\":\"" + parameter + "\"}"),
                    "secretHeaders.Authorization.parameter");
        }
        // then
        assertThat(failures).isEmpty();
        assertThat(before.changedItems(snapshot())).as(before.diff(snapshot())).isZero();
        assertThat(Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"https://api.insurer.example/p\","
                + "\"secretHeaders\":{\"Authorization\":{\"env\":\"BATON_SECRET_TEST_INSURER_TOKEN\"}}}").status())
                .as("the same settings within the rules are accepted").isEqualTo(201);
    }

    @Test
    void aHostNameThatResolvesToAForbiddenAddressIsRefusedAtCallTime_andNothingIsSent() throws Exception {
        // given a name that passes the checks at PUT but resolves (here via the hosts file) to this machine
        String host = InetAddress.getLocalHost().getHostName();
        Assumptions.assumeTrue(InetAddress.getByName(host).isLoopbackAddress() || InetAddress.getByName(host)
                .isSiteLocalAddress(), "this machine's name resolves to a public address");
        Downstream downstream = new Downstream("rebind", 1, URI.create("https://" + host + ":8443/p"),
                Duration.ofSeconds(2), Map.of(), Map.of(), null, java.util.Set.of(), null, null, RetryPolicy.DEFAULT,
                List.of());
        // when
        Connector.Outcome outcome = connector.submit(downstream, "key-1", new NodeData("{}"), Duration.ofSeconds(2));
        // then
        assertThat(outcome.failure().kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(outcome.failure().message()).contains("endpoint policy").contains("nothing sent")
                .containsAnyOf("rule loopback", "rule private");
    }

    @Test
    void unknownFieldNamesThatArePersonalNumbersAreMaskedInErrors() {
        // given unknown keys that are an ID number and a mobile number, as a careless client might send them
        String body = "{\"endpoint\":\"https://api.insurer.example/p\",\"１１０１０１１９９００３０７７７５８\":1,"
                + "\"138-1234-5678\":2,\"110101199003077758\":3}";
        // when
        Reply reply = Api.put("/v1/downstreams/masked-fields", body);
        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").toString()).contains("[id]", "[mobile]");
        assertThat(reply.body()).doesNotContain("１１０１０１", "110101", "1234-5678");
    }

    private void check(List<String> failures, String name, String body, String field) {
        Reply reply = Api.put("/v1/downstreams/" + name, body);
        String rules = reply.json().path("errors").toString();
        if (reply.status() != 422 || !reply.contentType().startsWith("application/problem+json")
                || !rules.contains("\"field\":" + Api.json(field)) || !rules.contains("(rule ")) {
            failures.add(body + " → " + reply.status() + " " + reply.body());
        }
    }

    private static String secret(String ref) {
        return "{\"endpoint\":\"https://api.insurer.example/p\",\"secretHeaders\":{\"Authorization\":" + ref + "}}";
    }

    private TableSnapshot snapshot() {
        return TableSnapshot.of(dynamo, Map.of("orders", ordersTable, "definitions", definitionsTable));
    }
}
