package dev.baton.flow.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.baton.flow.domain.DirectedLinks.Edge;
import dev.baton.shared.domain.Ids;
import dev.baton.shared.domain.Violation;

/**
 * One published version of the node mapping of a business type between a base and an associated platform,
 * built against specific versions of both flows. Serves handoffs in both directions: see
 * {@link #directedFrom}. Immutable.
 *
 * @param businessType          matches {@link Ids#BUSINESS_TYPE}
 * @param basePlatform          matches {@link Ids#PLATFORM}
 * @param associatedPlatform    matches {@link Ids#PLATFORM}, differs from {@code basePlatform}
 * @param version               1 or more
 * @param baseFlowVersion       the base flow version the links were checked against, 1 or more
 * @param associatedFlowVersion the associated flow version the links were checked against, 1 or more
 * @param links                 the links, possibly none; an immutable copy
 */
public record NodeMapping(String businessType, String basePlatform, String associatedPlatform, int version,
                          int baseFlowVersion, int associatedFlowVersion, List<Link> links) {

    /** The most links a mapping has. */
    public static final int MAX_LINKS = 1000;
    /** The most targets one link has. */
    public static final int MAX_TARGETS_PER_LINK = 200;

    /**
     * Validates the mapping's own fields; whether the links fit the flows is {@link #check}'s job.
     *
     * @throws IllegalArgumentException naming the broken rule (never the value)
     */
    public NodeMapping {
        Ids.requireBusinessType(businessType, "businessType");
        Ids.requirePlatform(basePlatform, "basePlatform");
        Ids.requirePlatform(associatedPlatform, "associatedPlatform");
        if (basePlatform.equals(associatedPlatform)) {
            throw new IllegalArgumentException("associatedPlatform must differ from basePlatform");
        }
        if (version < 1 || baseFlowVersion < 1 || associatedFlowVersion < 1) {
            throw new IllegalArgumentException("mapping version and flow versions must be >= 1");
        }
        links = List.copyOf(links);
    }

    /**
     * The reasons {@code links} cannot map {@code base} to {@code associated}, for reporting before
     * constructing a mapping, with their field paths:
     * <ul>
     *   <li>{@code associated} — both flows are on the same platform;</li>
     *   <li>{@code links} — more than {@value #MAX_LINKS} links (nothing else is checked then);</li>
     *   <li>{@code links[i]} — a missing link;</li>
     *   <li>{@code links[i].from} — not a node of the base flow;</li>
     *   <li>{@code links[i].to} — more than {@value #MAX_TARGETS_PER_LINK} targets (its targets are not
     *       checked then);</li>
     *   <li>{@code links[i].to[j]} — not a node of the associated flow, or a (from, to) pair that an earlier
     *       position already has.</li>
     * </ul>
     *
     * @return the violations in input order; empty when the links are acceptable
     */
    public static List<Violation> check(Flow base, Flow associated, List<Link> links) {
        List<Violation> violations = new ArrayList<>();
        if (base.platform().equals(associated.platform())) {
            violations.add(new Violation("associated", "must differ from base"));
        }
        if (links.size() > MAX_LINKS) {
            violations.add(new Violation("links", "must have at most " + MAX_LINKS + " links"));
            return List.copyOf(violations);
        }
        Set<Edge> seen = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            checkLink(base, associated, links.get(i), "links[" + i + "]", seen, violations);
        }
        return List.copyOf(violations);
    }

    /**
     * The links oriented for a handoff away from {@code sourcePlatform}: the links as published when it is
     * the base platform, their inverse when it is the associated platform.
     *
     * @throws IllegalArgumentException if {@code sourcePlatform} is neither platform of this mapping
     */
    public DirectedLinks directedFrom(String sourcePlatform) {
        boolean forward = basePlatform.equals(sourcePlatform);
        if (!forward && !associatedPlatform.equals(sourcePlatform)) {
            throw new IllegalArgumentException("source platform is not a platform of this mapping");
        }
        return directed(links, forward);
    }

    /**
     * {@code links} (base → associated) oriented for a handoff away from the base platform ({@code forward})
     * or away from the associated platform; for mappings not published yet, such as a draft being checked.
     */
    public static DirectedLinks directed(List<Link> links, boolean forward) {
        List<Edge> edges = new ArrayList<>();
        for (Link link : links) {
            link.to().forEach(to -> edges.add(forward ? new Edge(link.from(), to) : new Edge(to, link.from())));
        }
        return DirectedLinks.of(edges);
    }

    /** Whether this mapping is between {@code p1} and {@code p2}, in either orientation. */
    public boolean connects(String p1, String p2) {
        return basePlatform.equals(p1) && associatedPlatform.equals(p2)
                || basePlatform.equals(p2) && associatedPlatform.equals(p1);
    }

    private static void checkLink(Flow base, Flow associated, Link link, String path, Set<Edge> seen,
                                  List<Violation> violations) {
        if (link == null) {
            violations.add(new Violation(path, "is required"));
            return;
        }
        if (!base.contains(link.from())) {
            violations.add(new Violation(path + ".from", unknown(link.from(), base)));
        }
        if (link.to().size() > MAX_TARGETS_PER_LINK) {
            violations.add(new Violation(path + ".to", "must have at most " + MAX_TARGETS_PER_LINK + " nodes"));
            return;
        }
        for (int j = 0; j < link.to().size(); j++) {
            String to = link.to().get(j);
            if (!associated.contains(to)) {
                violations.add(new Violation(path + ".to[" + j + "]", unknown(to, associated)));
            } else if (!seen.add(new Edge(link.from(), to))) {
                violations.add(new Violation(path + ".to[" + j + "]", "duplicates an earlier link"));
            }
        }
    }

    /** Names the id the user typed, not only its place in the request (ids are checked against a safe pattern). */
    private static String unknown(String nodeId, Flow flow) {
        return "is " + nodeId + ", not a node of the " + flow.platform() + " flow (version " + flow.version() + ")";
    }
}
