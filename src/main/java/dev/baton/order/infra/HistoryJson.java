package dev.baton.order.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.order.domain.Handoff;
import dev.baton.order.domain.HandoffGrant;

/**
 * The handoff history and the handoff grants inside the order document. Grants keep hash, platform, issue
 * and expiry time and issuer: codes are never stored, only their SHA-256 hash, so the item cannot be used to
 * take an order over.
 */
final class HistoryJson {

    private HistoryJson() {
    }

    static ArrayNode grants(ObjectMapper json, List<HandoffGrant> grants) {
        ArrayNode list = json.createArrayNode();
        for (HandoffGrant g : grants) {
            ObjectNode o = list.addObject();
            o.put("sha256", g.codeHash());
            o.put("toPlatform", g.toPlatform());
            o.put("issuedAt", g.issuedAt().toString());
            o.put("expiresAt", g.expiresAt().toString());
            if (g.issuedBy() != null) {
                o.put("issuedBy", g.issuedBy());
            }
        }
        return list;
    }

    static List<HandoffGrant> grants(JsonNode list) {
        List<HandoffGrant> grants = new ArrayList<>();
        list.forEach(g -> grants.add(new HandoffGrant(g.path("sha256").asText(), g.path("toPlatform").asText(),
                Instant.parse(g.path("issuedAt").asText()), Instant.parse(g.path("expiresAt").asText()),
                g.hasNonNull("issuedBy") ? g.get("issuedBy").asText() : null)));
        return grants;
    }

    static ObjectNode handoff(ObjectMapper json, Handoff h) {
        ObjectNode o = json.createObjectNode();
        o.put("from", h.fromPlatform());
        o.put("to", h.toPlatform());
        o.put("fromTerminal", h.fromTerminal());
        o.put("toTerminal", h.toTerminal());
        o.put("at", h.at().toString());
        h.carriedOver().forEach(o.putArray("carriedOver")::add);
        if (h.mappingVersion() != null) {
            o.put("mappingVersion", h.mappingVersion());
        }
        if (h.grantId() != null) {
            o.put("grant", h.grantId());
        }
        if (h.grantIssuedBy() != null) {
            o.put("grantIssuedBy", h.grantIssuedBy());
        }
        return o;
    }

    static Handoff handoff(JsonNode h) {
        List<String> carried = new ArrayList<>();
        h.path("carriedOver").forEach(c -> carried.add(c.asText()));
        return new Handoff(h.path("from").asText(), h.path("to").asText(), h.path("fromTerminal").asText(),
                h.path("toTerminal").asText(), Instant.parse(h.path("at").asText()), carried,
                h.hasNonNull("mappingVersion") ? h.get("mappingVersion").asInt() : null,
                h.hasNonNull("grant") ? h.get("grant").asText() : null,
                h.hasNonNull("grantIssuedBy") ? h.get("grantIssuedBy").asText() : null);
    }
}
