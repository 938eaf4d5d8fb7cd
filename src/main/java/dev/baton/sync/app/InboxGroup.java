package dev.baton.sync.app;

import java.time.Instant;
import java.util.List;

import dev.baton.sync.domain.FailureTemplate;

/**
 * A group of recorded failures of one downstream that share a {@link FailureTemplate}.
 *
 * @param id         the template's id
 * @param category   the category the last failure of the group got ({@code UNKNOWN}, or the model's)
 * @param source     where that came from: {@code FALLBACK} (no rule, the model unsure) or {@code MODEL}
 * @param proposed   the model's most likely category for the last failure, or null when it was not asked
 * @param confidence the model's probability of {@code proposed}, or null
 * @param examples   a few order ids that failed this way (at most {@link FailureInbox#EXAMPLES})
 */
public record InboxGroup(String downstream, String id, FailureTemplate template, long count, Instant firstSeen,
                         Instant lastSeen, String category, String source, String proposed, Double confidence,
                         List<String> examples) {

    public InboxGroup {
        examples = List.copyOf(examples);
    }
}
