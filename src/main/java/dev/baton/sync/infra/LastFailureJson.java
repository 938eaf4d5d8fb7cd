package dev.baton.sync.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.domain.LastFailure;

/** A {@link LastFailure} as the JSON text stored in its attribute. */
final class LastFailureJson {

    private LastFailureJson() {
    }

    static String write(LastFailure f) {
        var node = CanonicalJson.mapper().createObjectNode();
        node.put("category", f.category());
        node.put("ruleId", f.ruleId());
        node.put("source", f.source());
        node.put("kind", f.kind());
        if (f.httpStatus() != null) {
            node.put("httpStatus", f.httpStatus());
        }
        node.put("code", f.code());
        node.put("message", f.message());
        node.put("at", f.at() == null ? null : f.at().toString());
        if (f.confidence() != null) { // only when the model was asked
            node.put("modelCategory", f.modelCategory());
            node.put("confidence", f.confidence());
            var features = node.putArray("features");
            if (f.features() != null) {
                f.features().forEach(features::add);
            }
        }
        return CanonicalJson.text(node);
    }

    static LastFailure read(String json) {
        JsonNode f = CanonicalJson.parse(json);
        return new LastFailure(text(f, "category"), text(f, "ruleId"), text(f, "source"), text(f, "kind"),
                f.hasNonNull("httpStatus") ? f.get("httpStatus").asInt() : null, text(f, "code"), text(f, "message"),
                f.hasNonNull("at") ? Instant.parse(f.get("at").asText()) : null, text(f, "modelCategory"),
                f.hasNonNull("confidence") ? f.get("confidence").asDouble() : null, features(f));
    }

    private static List<String> features(JsonNode node) {
        if (!node.hasNonNull("features")) {
            return null;
        }
        List<String> features = new ArrayList<>();
        node.get("features").forEach(feature -> features.add(feature.asText()));
        return features;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
