package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.baton.function.MappingConfigRoutes;
import dev.baton.function.OrderRoutes;
import dev.baton.function.SyncRoutes;
import dev.baton.function.http.RouteKey;
import dev.baton.local.SamTemplate;

/**
 * The three descriptions of the API agree: the routes the code serves, the OpenAPI document, and the
 * routes API Gateway sends to each function in template.yaml — and the template is valid SAM.
 */
class ApiContractTest {

    /** The routes each exported function serves, as the code declares them. */
    static final Map<String, List<RouteKey>> SERVED = Map.of(
            "mapping-config", MappingConfigRoutes.ROUTES,
            "handoff", OrderRoutes.ROUTES,
            "order-sync", SyncRoutes.ROUTES);

    private static Set<String> served() {
        return SERVED.values().stream().flatMap(List::stream).map(RouteKey::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyServedRoute_isDocumentedInOpenApi_andNothingElseIs() throws IOException {
        // given
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("src/main/resources/openapi.yaml"))).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                documented.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        // then
        assertThat(documented).isEqualTo(served());
    }

    @Test
    void templateRoutesEachFunction_exactlyTheRoutesItServes() {
        // given
        SamTemplate template = SamTemplate.project();
        // then
        Set<String> exports = new HashSet<>();
        for (SamTemplate.Function function : template.functions()) {
            exports.add(function.export());
            Set<String> routed = function.routes().stream().filter(r -> !r.path().equals("/{proxy+}"))
                    .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> declared = SERVED.getOrDefault(function.export(), List.of()).stream()
                    .map(RouteKey::toString).collect(Collectors.toCollection(TreeSet::new));
            assertThat(routed).as(function.logicalId()).isEqualTo(declared);
            for (SamTemplate.HttpRoute route : function.routes()) {
                if (route.path().equals("/{proxy+}")) {
                    assertThat(route.scopes()).as("the catch-all route has no authorizer").isEmpty();
                    continue;
                }
                RouteKey key = SERVED.get(function.export()).stream().filter(k -> k.method().equals(route.method())
                        && k.template().equals(route.path())).findFirst().orElseThrow();
                assertThat(new TreeSet<>(route.scopes())).as("scopes of " + key).isEqualTo(new TreeSet<>(key.scopes()));
            }
        }
        assertThat(exports).containsAll(SERVED.keySet());
    }

    @Test
    void templateIsValidSam() throws Exception {
        // given the offline validator shipped beside the project (../shared/tools)
        Path validator = Path.of("../shared/tools/validate-sam");
        assertThat(validator).as("../shared/tools/validate-sam must exist beside the project").exists();
        // when
        Process process = new ProcessBuilder(validator.toString(), "template.yaml").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        // then
        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
