package dev.baton.sync.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What publishing a candidate rule would change for the failures recorded of a downstream: each recorded group
 * ({@link FailureTemplate} and how many failures it holds) is classified with the downstream's rules as they are,
 * then with the candidate added after them (where publishing puts it), both followed by the defaults and the
 * model. Pure: the inbox's dry run and its tests run it on groups read from storage.
 */
public final class RuleDryRun {

    private RuleDryRun() {
    }

    /** A recorded group: its template and how many failures it holds. */
    public record Group(String id, FailureTemplate template, long count) {
    }

    /** How one group's classification changes; {@code before} and {@code after} may be equal. */
    public record GroupChange(Group group, Classification before, Classification after) {

        /** True when the candidate changes the group's category. */
        public boolean reclassified() {
            return before.category() != after.category();
        }
    }

    /** The failures and groups moving from one category to another. */
    public record Transition(Category from, Category to, long failures, int groups) {
    }

    /**
     * The outcome: every group examined, the failures whose category the candidate changes, the changes per
     * {@code from → to}, and the groups it changes (in the order given).
     */
    public record Result(int groups, long failures, long reclassified, List<Transition> transitions,
                         List<GroupChange> changed) {
    }

    /** The rules a downstream has once {@code candidate} is added after {@code current}. */
    public static List<Rule> withCandidate(List<Rule> current, Rule candidate) {
        List<Rule> rules = new ArrayList<>(current);
        rules.add(candidate);
        return List.copyOf(rules);
    }

    /** Runs {@code candidate} over {@code groups} beside the downstream's {@code current} rules. */
    public static Result run(List<Group> groups, List<Rule> current, Rule candidate, FailureModel model,
                             double threshold) {
        List<Rule> next = withCandidate(current, candidate);
        Map<String, long[]> byTransition = new LinkedHashMap<>();
        List<GroupChange> changed = new ArrayList<>();
        long failures = 0;
        long reclassified = 0;
        for (Group g : groups) {
            Failure f = g.template().asFailure();
            GroupChange change = new GroupChange(g, FailureClassifier.classify(f, current, model, threshold),
                    FailureClassifier.classify(f, next, model, threshold));
            failures += g.count();
            if (change.reclassified()) {
                reclassified += g.count();
                changed.add(change);
                long[] sums = byTransition.computeIfAbsent(change.before().category() + ">"
                        + change.after().category(), k -> new long[2]);
                sums[0] += g.count();
                sums[1]++;
            }
        }
        List<Transition> transitions = new ArrayList<>();
        byTransition.forEach((k, v) -> {
            String[] parts = k.split(">");
            transitions.add(new Transition(Category.valueOf(parts[0]), Category.valueOf(parts[1]), v[0], (int) v[1]));
        });
        return new Result(groups.size(), failures, reclassified, List.copyOf(transitions), List.copyOf(changed));
    }
}
