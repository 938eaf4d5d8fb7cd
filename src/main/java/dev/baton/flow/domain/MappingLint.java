package dev.baton.flow.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns about a mapping without judging it: nodes left unmapped, coverage, and <em>crossings</em> — pairs of
 * edges (a→b), (c→d) with a before c in the base flow but b after d in the associated flow. Never throws for
 * links that passed {@link NodeMapping#check}; edges naming unknown nodes and repeated edges are ignored.
 */
public final class MappingLint {

    private MappingLint() {
    }

    /**
     * Lints {@code links} between {@code base} and {@code associated}. Crossings are counted in
     * O(E log E) for E edges (a sort, then a Fenwick tree over associated positions counting inversions);
     * at most {@link Lint#MAX_CROSSINGS} are listed, ordered by the later edge (c→d) in base-then-associated
     * order, then by the earlier edge's associated position, then its base position.
     */
    public static Lint of(Flow base, Flow associated, List<Link> links) {
        List<int[]> edges = knownEdges(base, associated, links);
        Set<String> mappedBase = new HashSet<>();
        Set<String> mappedAssociated = new HashSet<>();
        for (int[] edge : edges) {
            mappedBase.add(base.nodeIds().get(edge[0]));
            mappedAssociated.add(associated.nodeIds().get(edge[1]));
        }
        List<Crossing> crossings = new ArrayList<>();
        long count = crossings(base, associated, edges, crossings);
        Coverage coverage = new Coverage(mappedBase.size(), base.nodes().size(), mappedAssociated.size(),
                associated.nodes().size());
        return new Lint(unmapped(base, mappedBase), unmapped(associated, mappedAssociated), crossings,
                (int) Math.min(count, Integer.MAX_VALUE), coverage);
    }

    /** The distinct edges between known nodes as (base index, associated index), sorted by both. */
    private static List<int[]> knownEdges(Flow base, Flow associated, List<Link> links) {
        Set<List<Integer>> distinct = new LinkedHashSet<>();
        for (Link link : links) {
            int from = base.indexOf(link.from());
            for (String to : link.to()) {
                int target = associated.indexOf(to);
                if (from >= 0 && target >= 0) {
                    distinct.add(List.of(from, target));
                }
            }
        }
        return distinct.stream().map(e -> new int[] {e.get(0), e.get(1)})
                .sorted(Comparator.<int[]>comparingInt(e -> e[0]).thenComparingInt(e -> e[1])).toList();
    }

    /** Counts all crossings and adds the first {@link Lint#MAX_CROSSINGS} to {@code found}. */
    private static long crossings(Flow base, Flow associated, List<int[]> edges, List<Crossing> found) {
        int size = associated.nodes().size();
        long[] fenwick = new long[size + 1];
        List<List<int[]>> earlierByTarget = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            earlierByTarget.add(new ArrayList<>());
        }
        long count = 0;
        for (int seen = 0; seen < edges.size(); seen++) {
            int[] edge = edges.get(seen);
            // edges are sorted by base position, so every earlier edge with a later target crosses this one;
            // earlier edges from the same base node have smaller targets and are not counted
            long crossing = seen - prefixCount(fenwick, edge[1]);
            count += crossing;
            if (crossing > 0 && found.size() < Lint.MAX_CROSSINGS) {
                list(base, associated, edge, earlierByTarget, found);
            }
            add(fenwick, edge[1]);
            earlierByTarget.get(edge[1]).add(edge);
        }
        return count;
    }

    private static void list(Flow base, Flow associated, int[] later, List<List<int[]>> earlierByTarget,
                             List<Crossing> found) {
        for (int target = later[1] + 1; target < earlierByTarget.size(); target++) {
            for (int[] earlier : earlierByTarget.get(target)) {
                if (found.size() == Lint.MAX_CROSSINGS) {
                    return;
                }
                found.add(new Crossing(base.nodeIds().get(earlier[0]), associated.nodeIds().get(earlier[1]),
                        base.nodeIds().get(later[0]), associated.nodeIds().get(later[1])));
            }
        }
    }

    /** The number of added positions that are {@code <= position}. */
    private static long prefixCount(long[] fenwick, int position) {
        long sum = 0;
        for (int i = position + 1; i > 0; i -= i & -i) {
            sum += fenwick[i];
        }
        return sum;
    }

    private static void add(long[] fenwick, int position) {
        for (int i = position + 1; i < fenwick.length; i += i & -i) {
            fenwick[i]++;
        }
    }

    private static List<String> unmapped(Flow flow, Set<String> mapped) {
        return flow.nodeIds().stream().filter(id -> !mapped.contains(id)).toList();
    }
}
