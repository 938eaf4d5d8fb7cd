package dev.baton.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.function.http.ApiException;
import dev.baton.function.http.HttpRequest;
import dev.baton.function.http.HttpResponse;

/**
 * The admin console: a page and its ES modules and style sheet, packaged in function.zip under
 * {@code console/} and served by the mapping-config function without a token (the page itself asks for one
 * and sends it with every API call). Only the files listed here are served; they are read once per warm
 * function. Every answer forbids framing and any origin but this one, so the page can load nothing foreign.
 */
@ApplicationScoped
public class ConsoleAssets {

    private static final String MODULE = "text/javascript; charset=utf-8";

    /** The files of the console by name, with their media types. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("console.css", "text/css; charset=utf-8"),
            Map.entry("console.js", MODULE),
            Map.entry("api.js", MODULE),
            Map.entry("ui.js", MODULE),
            Map.entry("flows.js", MODULE),
            Map.entry("flow-rows.js", MODULE),
            Map.entry("mappings.js", MODULE),
            Map.entry("mapping-state.js", MODULE),
            Map.entry("mapping-form.js", MODULE),
            Map.entry("mapping-links.js", MODULE),
            Map.entry("mapping-check.js", MODULE),
            Map.entry("mapping-matrix.js", MODULE),
            Map.entry("orders.js", MODULE),
            Map.entry("order-view.js", MODULE),
            Map.entry("downstreams.js", MODULE),
            Map.entry("inbox.js", MODULE));

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                    + "connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; "
                    + "base-uri 'none'",
            "x-content-type-options", "nosniff",
            "referrer-policy", "no-referrer",
            "cache-control", "no-cache");

    private final Map<String, String> contents = new LinkedHashMap<>();

    ConsoleAssets() {
        FILES.keySet().forEach(name -> contents.put(name, read(name)));
    }

    /** {@code GET /console}: the page. */
    HttpResponse page(HttpRequest request) {
        return file("index.html");
    }

    /** {@code GET /console/{asset}}: one of {@link #FILES}, else 404. */
    HttpResponse asset(HttpRequest request) {
        String name = request.pathParam("asset");
        if (!FILES.containsKey(name) || name.equals("index.html")) {
            throw ApiException.notFound("The console has no file of that name.");
        }
        return file(name);
    }

    private HttpResponse file(String name) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("content-type", FILES.get(name));
        return new HttpResponse(200, headers, contents.get(name));
    }

    private static String read(String name) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
