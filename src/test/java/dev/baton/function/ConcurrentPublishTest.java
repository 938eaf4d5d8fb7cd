package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;
import dev.baton.shared.app.ConflictException;
import dev.baton.support.Api;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Concurrent publishes through the services, as several Lambda instances would run them: different node lists
 * never share a version, and a mapping published both ways round at once exists in one orientation only. (How
 * request bodies are treated is HttpRequestEdgeCasesTest's.)
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class ConcurrentPublishTest {

    @Inject
    FlowService flows;

    @Inject
    MappingService mappings;

    @Test
    void concurrentPublishesOfDifferentNodes_neverShareAVersion() throws Exception {
        // given eight publishers with different node lists starting together (threads model Lambda instances)
        String type = "c-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> versions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<Node> nodes = List.of(new Node("n" + i, "Node " + i));
            Callable<Integer> publish = () -> {
                go.await();
                try {
                    return flows.publish(type, "web", nodes).flow().value().version();
                } catch (ConflictException tooMuchContention) {
                    return -1;
                }
            };
            versions.add(pool.submit(publish));
        }
        // when
        go.countDown();
        List<Integer> created = new ArrayList<>();
        for (Future<Integer> v : versions) {
            created.add(v.get());
        }
        pool.shutdown();
        // then every successful publish got its own version, 1..n without gaps
        List<Integer> ok = created.stream().filter(v -> v > 0).sorted().toList();
        // the first publisher to commit always wins, so "every publish lost" is a failure, not a pass
        assertThat(ok).as("at least one publish succeeds").isNotEmpty();
        assertThat(ok).doesNotHaveDuplicates();
        assertThat(ok).isEqualTo(java.util.stream.IntStream.rangeClosed(1, ok.size()).boxed().toList());
        assertThat(Api.get("/v1/business-types/" + type + "/flows/web").json().path("version").asInt())
                .isEqualTo(ok.size());
    }

    @Test
    void concurrentPublishesOfBothOrientations_neverBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            // given two platforms with flows, and two analysts mapping them at once, each the other way round
            String type = "o-" + UUID.randomUUID().toString().substring(0, 8);
            flows.publish(type, "phone", List.of(new Node("a", "A")));
            flows.publish(type, "web", List.of(new Node("x", "X")));
            CountDownLatch go = new CountDownLatch(1);
            Future<Boolean> forward = pool.submit(publishAfter(go, type, "phone", "web", "a", "x"));
            Future<Boolean> backward = pool.submit(publishAfter(go, type, "web", "phone", "x", "a"));
            // when
            go.countDown();
            // then exactly one orientation exists
            assertThat(List.of(forward.get(), backward.get())).as("round " + round).containsOnlyOnce(true);
            boolean phoneWeb = Api.get("/v1/business-types/" + type + "/mappings/phone/web").status() == 200;
            boolean webPhone = Api.get("/v1/business-types/" + type + "/mappings/web/phone").status() == 200;
            assertThat(phoneWeb ^ webPhone).as("round " + round).isTrue();
        }
        pool.shutdown();
    }

    private Callable<Boolean> publishAfter(CountDownLatch go, String type, String base, String associated,
                                           String from, String to) {
        return () -> {
            go.await();
            try {
                mappings.publish(type, base, associated, List.of(new Link(from, List.of(to))));
                return true;
            } catch (ConflictException otherOrientation) {
                return false;
            }
        };
    }
}
