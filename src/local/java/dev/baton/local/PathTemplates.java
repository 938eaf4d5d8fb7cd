package dev.baton.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Matches API Gateway route paths such as {@code /v1/orders/{id}} and {@code /{proxy+}}. */
final class PathTemplates {

    private PathTemplates() {
    }

    static Optional<Map<String, String>> match(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("+}")) {
                if (i >= got.length) {
                    return Optional.empty();
                }
                params.put(w.substring(1, w.length() - 2), String.join("/",
                        java.util.Arrays.copyOfRange(got, i, got.length)));
                return Optional.of(params);
            }
            if (i >= got.length) {
                return Optional.empty();
            }
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(w.substring(1, w.length() - 1), decode(got[i]));
            } else if (!w.equals(got[i])) {
                return Optional.empty();
            }
        }
        return want.length == got.length ? Optional.of(params) : Optional.empty();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
