package dev.baton.flow.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compact notations for flows and links in domain tests: {@code "a b c"}, {@code "a>x,y; b>z"}. */
final class Fixtures {

    private Fixtures() {
    }

    static Flow flow(String platform, String ids) {
        return new Flow("auto-policy", platform, 1, nodes(ids));
    }

    static List<Node> nodes(String ids) {
        return words(ids).stream().map(id -> new Node(id, "Step " + id)).toList();
    }

    /** {@code "a>x,y; b>z"} → links a→[x, y] and b→[z]; blank → no links. */
    static List<Link> links(String spec) {
        return parts(spec, ";").stream().map(link -> {
            String[] ends = link.split(">");
            return new Link(ends[0].trim(), parts(ends[1], ","));
        }).toList();
    }

    /** {@code "x<a,b; y<a"} → carried over x from [a, b] and y from [a]; blank → none. */
    static List<CarriedOver> carried(String spec) {
        return parts(spec, ";").stream().map(entry -> {
            String[] ends = entry.split("<");
            return new CarriedOver(ends[0].trim(), parts(ends[1], ","));
        }).toList();
    }

    static List<String> words(String ids) {
        return ids.isBlank() ? List.of() : Arrays.asList(ids.trim().split("\\s+"));
    }

    static Set<String> set(String ids) {
        return new LinkedHashSet<>(words(ids));
    }

    private static List<String> parts(String spec, String separator) {
        return spec.isBlank() ? List.of() : Arrays.stream(spec.split(separator)).map(String::trim).toList();
    }
}
