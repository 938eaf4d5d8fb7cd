package dev.baton.function.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.domain.Violation;

/**
 * Reads the fields of one JSON object and collects every problem with its path ({@code nodes[2].id}),
 * so a caller learns about all bad fields at once. Unknown fields are errors: a typo never passes
 * silently. Call {@link #done()} when all fields are read.
 */
public final class Fields {

    private final ObjectNode node;
    private final String prefix;
    private final List<Violation> violations;

    private Fields(ObjectNode node, String prefix, List<Violation> violations, Set<String> known) {
        this.node = node;
        this.prefix = prefix;
        this.violations = violations;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(new Violation(path(Problems.clip(name)), "is not a known field"));
            }
        }
    }

    /** Reads the top-level object; {@code known} lists every field the route accepts. */
    public static Fields of(ObjectNode body, String... known) {
        return new Fields(body, "", new ArrayList<>(), Set.of(known));
    }

    /** A required string that must satisfy {@code rule}, described by {@code ruleText}; null if invalid. */
    public String text(String name, Predicate<String> rule, String ruleText) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            violations.add(new Violation(path(name), "is required"));
            return null;
        }
        return checkText(path(name), value, rule, ruleText);
    }

    /** An optional string (absent or null → empty) that must satisfy {@code rule} when present. */
    public Optional<String> optionalText(String name, Predicate<String> rule, String ruleText) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(checkText(path(name), value, rule, ruleText));
    }

    /** A required array of strings with {@code min..max} items, each satisfying {@code rule}. */
    public List<String> texts(String name, int min, int max, Predicate<String> rule, String ruleText) {
        List<String> out = new ArrayList<>();
        JsonNode array = array(name, min, max);
        for (int i = 0; array != null && i < array.size(); i++) {
            String item = checkText(path(name) + "[" + i + "]", array.get(i), rule, ruleText);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /** A required array of objects with {@code min..max} items, each read with the given known fields. */
    public List<Fields> objects(String name, int min, int max, String... known) {
        List<Fields> out = new ArrayList<>();
        JsonNode array = array(name, min, max);
        for (int i = 0; array != null && i < array.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            JsonNode item = array.get(i);
            if (item.isObject()) {
                out.add(new Fields((ObjectNode) item, itemPath, violations, Set.of(known)));
            } else {
                violations.add(new Violation(itemPath, "must be an object"));
            }
        }
        return out;
    }

    /** An optional JSON object (absent or null → empty). */
    public Optional<ObjectNode> optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            violations.add(new Violation(path(name), "must be an object"));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) value);
    }

    /** An optional nested object read with the given known fields (absent or null → empty). */
    public Optional<Fields> optionalNested(String name, String... known) {
        return optionalObject(name).map(o -> new Fields(o, path(name), violations, Set.of(known)));
    }

    /** An optional integer in {@code min..max} (absent or null → empty). */
    public OptionalInt optionalInt(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            violations.add(new Violation(path(name), "must be an integer from " + min + " to " + max));
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.asInt());
    }

    /** An optional array of strings (absent or null → empty list) with at most {@code max} items. */
    public List<String> optionalTexts(String name, int max, Predicate<String> rule, String ruleText) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? List.of() : texts(name, 0, max, rule, ruleText);
    }

    /** An optional array of integers in {@code min..max} (absent or null → empty list). */
    public List<Integer> optionalInts(String name, int maxItems, int min, int max) {
        JsonNode value = node.get(name);
        List<Integer> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        JsonNode array = array(name, 0, maxItems);
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isIntegralNumber() || item.asLong() < min || item.asLong() > max) {
                violations.add(new Violation(path(name) + "[" + i + "]", "must be an integer from " + min + " to "
                        + max));
            } else {
                out.add(item.asInt());
            }
        }
        return out;
    }

    /** An optional object whose values are strings (absent or null → empty map). */
    public java.util.Map<String, String> optionalStringMap(String name, int maxEntries, Predicate<String> keyRule,
                                                           String keyRuleText, int maxValueLength,
                                                           Predicate<String> valueRule, String valueRuleText) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        entries(name, maxEntries).forEach(e -> {
            String p = path(name) + "." + Problems.clip(e.getKey());
            if (!keyRule.test(e.getKey())) {
                violations.add(new Violation(p, keyRuleText));
            } else if (!e.getValue().isTextual() || e.getValue().textValue().length() > maxValueLength
                    || !valueRule.test(e.getValue().textValue())) {
                violations.add(new Violation(p, "must be a string of at most " + maxValueLength + " characters"
                        + (valueRuleText.isEmpty() ? "" : ", " + valueRuleText)));
            } else {
                out.put(e.getKey(), e.getValue().textValue());
            }
        });
        return out;
    }

    /** The nested objects of an optional object field, by key (absent or null → empty map). */
    public java.util.Map<String, Fields> optionalObjectMap(String name, int maxEntries, String... known) {
        java.util.Map<String, Fields> out = new java.util.LinkedHashMap<>();
        entries(name, maxEntries).forEach(e -> {
            String p = path(name) + "." + Problems.clip(e.getKey());
            if (e.getValue().isObject()) {
                out.put(e.getKey(), new Fields((ObjectNode) e.getValue(), p, violations, Set.of(known)));
            } else {
                violations.add(new Violation(p, "must be an object"));
            }
        });
        return out;
    }

    /** The entries of an optional object field (absent, null or too many → none; too many is a violation). */
    private List<java.util.Map.Entry<String, JsonNode>> entries(String name, int maxEntries) {
        Optional<ObjectNode> map = optionalObject(name);
        if (map.isEmpty()) {
            return List.of();
        }
        if (map.get().size() > maxEntries) {
            violations.add(new Violation(path(name), "must have at most " + maxEntries + " entries"));
            return List.of();
        }
        List<java.util.Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        map.get().fields().forEachRemaining(entries::add);
        return entries;
    }

    /** True when the object has a non-null value for {@code name}. */
    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** Records a violation found while interpreting a field's value. */
    public void reject(String name, String message) {
        violations.add(new Violation(path(name), message));
    }

    /** True when no violation has been found so far (in this object or any sibling). */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** Throws a 422 naming every bad field, if there is one. */
    public void done() {
        if (!violations.isEmpty()) {
            throw ApiException.invalid("The request has " + violations.size() + " invalid field"
                    + (violations.size() == 1 ? "" : "s") + ".", violations);
        }
    }

    /** An optional integer query or body value in {@code min..max}; a non-number is a violation. */
    public static OptionalInt intParam(String name, Optional<String> raw, int min, int max) {
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        // ASCII digits only: Integer.parseInt would also take full-width and other Unicode digits
        if (raw.get().matches("[0-9]{1,10}")) {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) {
                return OptionalInt.of((int) value);
            }
        }
        throw ApiException.invalid("Invalid query parameter.",
                List.of(new Violation(name, "must be an integer from " + min + " to " + max)));
    }

    private JsonNode array(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            violations.add(new Violation(path(name), "is required"));
            return null;
        }
        if (!value.isArray()) {
            violations.add(new Violation(path(name), "must be an array"));
            return null;
        }
        if (value.size() < min || value.size() > max) {
            violations.add(new Violation(path(name), "must have " + min + " to " + max + " items"));
            return null;
        }
        return value;
    }

    private String checkText(String path, JsonNode value, Predicate<String> rule, String ruleText) {
        if (!value.isTextual()) {
            violations.add(new Violation(path, "must be a string"));
            return null;
        }
        if (!wellFormed(value.textValue())) {
            violations.add(new Violation(path, "must be valid Unicode text (no unpaired surrogates)"));
            return null;
        }
        if (!rule.test(value.textValue())) {
            violations.add(new Violation(path, ruleText));
            return null;
        }
        return value.textValue();
    }

    /** False when {@code text} has an unpaired UTF-16 surrogate (JSON allows "\\ud800"; storage must not). */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
