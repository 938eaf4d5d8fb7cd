package dev.baton.sync.infra;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.shared.domain.Mask;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.app.Connector.Outcome;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;

/**
 * Reads a downstream's answer: success is a 2xx status and, when {@code codePointer} is set, a result
 * code in {@code successCodes} (insurers often answer 200 with {@code {"code":"9999","msg":"系统繁忙"}}).
 * Failures keep the status, the downstream's code and message (JSON Pointer, the usual message keys, else the JSON
 * body as it arrived; an HTML page's title), and {@code Retry-After} (seconds or an HTTP date).
 */
final class DownstreamAnswers {

    private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]{1,200})</title>", Pattern.CASE_INSENSITIVE);
    static final int MAX_MESSAGE = 300;

    private DownstreamAnswers() {
    }

    static Outcome read(Downstream d, int status, String retryAfter, String body, Duration latency) {
        JsonNode json = parse(body);
        String code = pointer(json, d.codePointer());
        String message = pointer(json, d.messagePointer());
        if (message == null) {
            message = fallbackMessage(body, json);
        }
        Duration wait = retryAfter(retryAfter);
        if (status < 200 || status > 299) {
            return new Outcome(new Failure(FailureKind.HTTP_STATUS, status, code, message, wait), null, latency);
        }
        if (d.codePointer() != null && (code == null || !d.successCodes().contains(code))) {
            return new Outcome(new Failure(FailureKind.DOWNSTREAM_CODE, status, code, message, wait), null, latency);
        }
        return new Outcome(null, pointer(json, d.referencePointer()), latency);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank() || !(body.strip().startsWith("{") || body.strip().startsWith("["))) {
            return null;
        }
        try {
            return CanonicalJson.parse(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String pointer(JsonNode json, String pointer) {
        if (json == null || pointer == null) {
            return null;
        }
        JsonNode node = json.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String fallbackMessage(String body, JsonNode json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (json != null) {
            // without a messagePointer, the usual places downstreams put their message
            for (String p : new String[] {"/message", "/msg", "/errMsg", "/errorMessage", "/error/message"}) {
                String m = pointer(json, p);
                if (m != null) {
                    return Mask.cut(m, MAX_MESSAGE);
                }
            }
            // no pointer found a message: the body as it arrived, so the classifier reads what the classify dry run
            // reads for it ({"resultCode":"R4001","resultMsg":"…不予承保"} on a 503 is the insurer's refusal)
            return Mask.cut(body.strip().replaceAll("\\s+", " "), MAX_MESSAGE);
        }
        Matcher title = TITLE.matcher(body);
        String text = title.find() ? title.group(1) : body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
        text = text.strip();
        return Mask.cut(text, MAX_MESSAGE);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or bad. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Duration.ofSeconds(Math.min(seconds, 86_400)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
    }
}
