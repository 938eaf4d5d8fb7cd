package dev.baton.sync.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.FailureTemplate;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.RuleSource;

/**
 * Where the failures the rules missed are counted, per downstream and {@link FailureTemplate}: one small group
 * per template with a count, first and last seen, the category the classifier gave and the model's proposal, and
 * a few example order ids. Never a payload or a message as it arrived: only the masked template.
 */
public interface FailureInbox {

    /** How many example order ids a group keeps at most. */
    int EXAMPLES = 5;

    /**
     * True for a classification the inbox records: no rule matched ({@code UNKNOWN} by the fallback) or the model
     * decided. Rule-decided failures, including every transient failure a rule knows, are never recorded.
     */
    static boolean records(Classification c) {
        return c.source() == RuleSource.FALLBACK || c.source() == RuleSource.MODEL;
    }

    /**
     * True when this attempt's failure is counted: the inbox {@link #records} it, and the order's previous failed
     * attempt in this sync ({@code previous}, null for the first) was not already counted under the same template.
     * An order whose failure the model calls transient and that is retried 30 times is one order in its group, not
     * 30 failures; its first attempt is counted, and again only when its failure changes.
     */
    static boolean recordsAttempt(Classification c, FailureTemplate template, LastFailure previous) {
        if (!records(c)) {
            return false;
        }
        boolean previousCounted = previous != null && (RuleSource.FALLBACK.name().equals(previous.source())
                || RuleSource.MODEL.name().equals(previous.source()));
        return !previousCounted || !FailureTemplate.of(previous).equals(template);
    }

    /**
     * Counts one failure of {@code orderId} in its group: one write, which never fails the caller (a failure to
     * record is logged and dropped: the order's own state is what matters).
     */
    void record(String downstream, FailureTemplate template, Classification c, String orderId, Instant now);

    /** The groups of {@code downstream}, at most {@code max} of them (any order); {@code truncated} when more. */
    Groups groups(String downstream, int max);

    /** The group {@code id} of {@code downstream}, if recorded. */
    Optional<InboxGroup> group(String downstream, String id);

    /** Some groups of a downstream; {@code truncated} when there were more than asked for. */
    record Groups(List<InboxGroup> groups, boolean truncated) {
    }
}
