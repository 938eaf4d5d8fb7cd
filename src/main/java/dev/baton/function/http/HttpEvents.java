package dev.baton.function.http;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Converts API Gateway HTTP API (payload format 2.0) events to {@link HttpRequest}s and responses back.
 * Accepts every shape AWS sends: base64 bodies, missing bodies, headers, query strings or request context.
 */
public final class HttpEvents {

    private HttpEvents() {
    }

    /**
     * The request carried by {@code event}.
     *
     * @throws ApiException 413 when the decoded body is over {@code maxBodyBytes}, 400 when a base64 body
     *                      does not decode or the body is not UTF-8
     */
    public static HttpRequest toRequest(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : methodOf(event.getRouteKey());
        String path = event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : "/";
        String stage = context == null ? null : context.getStage();
        if (stage != null && !"$default".equals(stage) && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1); // non-default stages prefix rawPath with the stage name
        }
        return new HttpRequest(method.toUpperCase(Locale.ROOT), path, Map.of(), firstValues(event),
                lowerCase(event.getHeaders()), body(event, maxBodyBytes),
                context == null ? null : context.getRequestId(), principal(context));
    }

    private static Optional<Principal> principal(APIGatewayV2HTTPEvent.RequestContext context) {
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        var jwt = context.getAuthorizer().getJwt();
        return Optional.of(new Principal(jwt.getScopes() == null ? Set.of() : new HashSet<>(jwt.getScopes()),
                jwt.getClaims() == null ? Map.of() : jwt.getClaims()));
    }

    /** The API Gateway v2 response for {@code response}. */
    public static APIGatewayV2HTTPResponse toEvent(HttpResponse response) {
        APIGatewayV2HTTPResponse event = new APIGatewayV2HTTPResponse();
        event.setStatusCode(response.status());
        event.setHeaders(new HashMap<>(response.headers()));
        event.setBody(response.body());
        event.setIsBase64Encoded(false);
        return event;
    }

    private static String methodOf(String routeKey) {
        if (routeKey != null && routeKey.contains(" ")) {
            return routeKey.substring(0, routeKey.indexOf(' '));
        }
        return "GET";
    }

    private static Map<String, String> firstValues(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            // API Gateway joins repeated parameters with commas; Baton's parameters are single-valued.
            event.getQueryStringParameters().forEach((k, v) -> query.put(k, v == null ? "" : v));
        }
        return query;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        }
        return lower;
    }

    private static String body(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return "";
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            if (body.length() > (maxBodyBytes / 3 + 1) * 4 + 4) {
                throw tooLarge(maxBodyBytes);
            }
            try {
                bytes = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiException.malformed("The body is marked base64 but does not decode.");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        return utf8(bytes);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("The body is not valid UTF-8.");
        }
    }

    private static ApiException tooLarge(int maxBodyBytes) {
        return ApiException.tooLarge("The body is larger than the limit of " + maxBodyBytes + " bytes.");
    }
}
