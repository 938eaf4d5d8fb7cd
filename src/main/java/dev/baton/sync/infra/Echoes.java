package dev.baton.sync.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.app.Connector.Outcome;
import dev.baton.sync.domain.Failure;

/**
 * What a downstream may echo back that must not travel further: the secret header values Baton just sent, and
 * the order's own data values. Downstreams echo requests in error messages (a debugging page listing the request
 * headers, "name 李四 does not match ID …"); that message is stored with the sync state, answered to the owner and
 * shown to operators, whose view of the data is otherwise masked. So a failure's message has every such value
 * replaced by {@value #REDACTED} before anyone — classifier, store, answer, log line — sees it.
 * <p>
 * Only the message is scrubbed, never the body Baton reads codes from: a payload value equal to the success code
 * must not turn a success into a failure. Payload texts shorter than 4 characters (2 for CJK text, a name) and
 * numbers shorter than 6 digits are left alone: they would redact ordinary words and codes. Values of up to 40
 * characters are also found with spaces, dashes, dots or line breaks between their characters ("王 小 明").
 */
final class Echoes {

    static final String REDACTED = "[redacted]";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A value cut off at the end of a truncated message still reveals its first characters. */
    private static final int MIN_TAIL = 4;

    private final List<String> values;

    private Echoes(Collection<String> values) {
        this.values = values.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The values to scrub for one call: the secrets (each whole and each long word of it) and the payload's. */
    static Echoes of(Collection<String> secretValues, NodeData payload) {
        Set<String> values = new LinkedHashSet<>();
        for (String secret : secretValues) {
            if (!secret.isBlank()) {
                values.add(secret.strip());
                for (String word : secret.strip().split("\\s+")) {
                    if (word.length() >= 8) {
                        values.add(word); // "Bearer abc…": the token alone is echoed too
                    }
                }
            }
        }
        values.addAll(dataValues(payload));
        return new Echoes(values);
    }

    /** {@code outcome} with its failure's message scrubbed; successes are returned as they are. */
    Outcome scrub(Outcome outcome) {
        Failure f = outcome.failure();
        if (f == null || f.message() == null || values.isEmpty()) {
            return outcome;
        }
        String message = scrub(f.message());
        return message.equals(f.message()) ? outcome : new Outcome(new Failure(f.kind(), f.httpStatus(), f.code(),
                message, f.retryAfter()), outcome.reference(), outcome.latency());
    }

    String scrub(String text) {
        String out = text;
        for (String value : values) {
            out = value.length() <= LOOSE_MAX ? loose(value).matcher(out).replaceAll(REDACTED_REPLACEMENT)
                    : out.replace(value, REDACTED);
        }
        if (text.length() < DownstreamAnswers.MAX_MESSAGE) {
            return out; // not cut short: no value can end half-way
        }
        for (String value : values) {
            for (int cut = Math.min(value.length() - 1, out.length()); cut >= MIN_TAIL; cut--) {
                if (out.endsWith(value.substring(0, cut))) {
                    return out.substring(0, out.length() - cut) + REDACTED;
                }
            }
        }
        return out;
    }

    /** Values up to this length are also found written with spaces or dashes between their characters. */
    private static final int LOOSE_MAX = 40;
    /** What may stand between two characters of an echoed value: "王 小 明", "1101 0119 9003", "138-1234\n5678". */
    private static final String GAP = "(?:[\\s\u3000\u00B7._/-]{1,3})?";
    private static final String REDACTED_REPLACEMENT = java.util.regex.Matcher.quoteReplacement(REDACTED);

    /**
     * {@code value} as a pattern that also matches it with a few separators between any two of its characters: a
     * downstream that formats a name or a number its own way still echoes it.
     */
    private static java.util.regex.Pattern loose(String value) {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (!regex.isEmpty()) {
                regex.append(GAP);
            }
            regex.append(java.util.regex.Pattern.quote(new String(Character.toChars(c))));
        });
        return java.util.regex.Pattern.compile(regex.toString());
    }

    private static List<String> dataValues(NodeData payload) {
        List<String> out = new ArrayList<>();
        try {
            collect(JSON.readTree(payload.json()), out);
        } catch (JsonProcessingException unreadable) {
            // NodeData is validated JSON; nothing to collect otherwise
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            String text = node.textValue().strip();
            boolean cjk = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN);
            if (text.length() >= (cjk ? 2 : 4)) {
                out.add(text);
            }
        } else if (node.isNumber()) {
            String digits = node.asText();
            if (digits.replaceAll("[^0-9]", "").length() >= 6) {
                out.add(digits);
            }
        } else {
            node.forEach(child -> collect(child, out));
        }
    }
}
