package dev.baton.flow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.baton.flow.domain.DirectedMapping;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;

/**
 * Pinned definitions never change, so what is derived from them is derived once: a handoff reuses the oriented
 * link structure of its mapping version instead of rebuilding it (and reading the mapping) every time.
 */
class PinnedDefinitionsTest {

    private final AtomicInteger mappingReads = new AtomicInteger();
    private final NodeMapping mapping = new NodeMapping("auto", "phone", "mobile", 3, 1, 1,
            List.of(new Link("a", List.of("x", "y")), new Link("b", List.of("y"))));
    private final PinnedDefinitions pinned = new PinnedDefinitions(new DefinitionStore() {
        @Override
        public Optional<Published<NodeMapping>> mapping(String type, String base, String associated, int version) {
            mappingReads.incrementAndGet();
            return version == 3 ? Optional.of(new Published<>(mapping, Instant.EPOCH)) : Optional.empty();
        }

        @Override
        public Optional<Published<Flow>> latestFlow(String businessType, String platform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Published<Flow>> flow(String businessType, String platform, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createFlow(Published<Flow> flow) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Published<NodeMapping>> latestMapping(String type, String base, String associated) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createMapping(Published<NodeMapping> published) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> businessTypes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Catalog catalog(String businessType) {
            throw new UnsupportedOperationException();
        }
    });

    @Test
    void aMappingVersionsDirectedLinks_areBuiltOncePerDirection_andReused() {
        DirectedMapping forward = pinned.directed("auto", "phone", "mobile", 3, "phone").orElseThrow();
        DirectedMapping again = pinned.directed("auto", "phone", "mobile", 3, "phone").orElseThrow();
        DirectedMapping backward = pinned.directed("auto", "phone", "mobile", 3, "mobile").orElseThrow();

        assertThat(again).isSameAs(forward);
        assertThat(forward.version()).isEqualTo(3);
        assertThat(forward.links().targetsOf("a")).containsExactlyInAnyOrder("x", "y");
        assertThat(backward.links().targetsOf("y")).containsExactlyInAnyOrder("a", "b");
        assertThat(mappingReads.get()).isEqualTo(1);
        assertThat(pinned.directed("auto", "phone", "mobile", 4, "phone")).isEmpty();
    }
}
