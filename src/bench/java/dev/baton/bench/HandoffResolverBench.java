package dev.baton.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.baton.flow.domain.DirectedLinks;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.HandoffResolver;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.flow.domain.Resolution;

/**
 * The cost of one handoff resolution (the pure function every handoff and preview runs) for flows of 10,
 * 50 and 200 nodes, with 1:1 links and with N:M links (each target linked from two sources, each source to
 * two targets); half the source flow is done.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffResolverBench {

    @Param({"10", "50", "200"})
    int nodes;

    @Param({"ONE_TO_ONE", "MANY_TO_MANY"})
    String shape;

    private Flow source;
    private Flow target;
    private DirectedLinks links;
    private Set<String> done;

    @Setup
    public void setUp() {
        source = flow("phone", "p");
        target = flow("mobile", "m");
        List<Link> list = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            List<String> to = shape.equals("ONE_TO_ONE") ? List.of("m" + i)
                    : List.of("m" + i, "m" + ((i + 1) % nodes));
            list.add(new Link("p" + i, to));
        }
        links = new NodeMapping("auto-policy", "phone", "mobile", 1, 1, 1, list).directedFrom("phone");
        done = new HashSet<>();
        for (int i = 0; i < nodes / 2; i++) {
            done.add("p" + i);
        }
    }

    private Flow flow(String platform, String prefix) {
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            list.add(new Node(prefix + i, "Step " + i));
        }
        return new Flow("auto-policy", platform, 1, list);
    }

    @Benchmark
    public Resolution resolve() {
        return HandoffResolver.resolve(source, target, links, done, Set.of());
    }
}
