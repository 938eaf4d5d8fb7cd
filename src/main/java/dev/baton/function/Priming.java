package dev.baton.function;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.baton.function.http.RouteKey;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.SyncState;
import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Does the first invocation's one-off work during init, so a cold start's first answer costs what a warm one
 * does: class loading and first use of Jackson, the funqy dispatch, the routes, the services, the AWS SDK's
 * request path (marshalling, signing, the HTTP client, credentials) and the shard-read pool. It runs at start-up
 * (with SnapStart, Quarkus starts during init, so the snapshot holds the primed JVM) and again, if start-up did not
 * get to it, in the CRaC {@code beforeCheckpoint} hook SnapStart calls before taking the snapshot.
 *
 * <p>It sends the exported function one harmless event through funqy's own dispatch, chosen to be a read:
 * a GET of an order that does not exist ({@code handoff}), of a business type's flows ({@code mapping-config}),
 * one order of the DEAD listing ({@code order-sync}: 16 key-only queries, at most one BatchGetItem), a retry
 * message for a missing order that is already due ({@code order-retry}: one GetItem, no message sent). The
 * sweeper's event would recover orders (writes), so {@code order-sweep} instead asks the due index for what was due before 1970 (128 key-only queries, nothing
 * found); {@code order-events} is not primed (its event would put to EventBridge). Real reads rather than a
 * network-free imitation, because the SDK's first call also resolves credentials and endpoints and opens the HTTP
 * client: a stub would leave those to the first customer. Nothing here writes, and a failure (AWS unreachable, a
 * 5xx answer) is logged at DEBUG and ignored: priming only ever saves time, it never decides whether we start.
 * Off with {@code baton.prime=false} (the test suites turn it off, except the test of priming itself).
 *
 * <p>By default only the JVM build primes. A native executable has no JIT to warm and its classes are initialised
 * at build time, so priming there moves little work out of the first invocation and adds a whole extra request to
 * init: measured here (src/bench/README.md "Native against JVM"), the native first answer was later primed than
 * unprimed. {@code baton.prime=true} ({@code BATON_PRIME=true}) still primes a native function.
 */
@Singleton
public class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);

    private final String export;
    private final boolean enabled;
    private final SyncStore syncs;
    private volatile boolean primed;

    @Inject
    Priming(@ConfigProperty(name = "quarkus.funqy.export") Optional<String> export,
            BatonConfig config, SyncStore syncs) {
        this(export, config.prime().orElse(!ImageMode.current().isNativeImage()), syncs);
    }

    Priming(Optional<String> export, boolean enabled, SyncStore syncs) {
        this.export = export.orElse("");
        this.enabled = enabled;
        this.syncs = syncs;
    }

    void onStart(@Observes StartupEvent event) {
        // a strong reference is kept by this singleton: CRaC contexts hold their resources weakly
        Core.getGlobalContext().register(this);
        prime();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to redo: connections the SDK opened while priming are re-established on first use if stale
    }

    /** Whether priming ran (and which event it sent); for the test of priming. */
    boolean primed() {
        return primed;
    }

    synchronized void prime() {
        if (!enabled || primed) {
            return;
        }
        primed = true;
        long start = System.nanoTime();
        try {
            if ("order-sweep".equals(export)) {
                syncs.due(SyncState.ASYNC_PENDING, Instant.EPOCH, 1);
            } else {
                String event = event(export);
                if (event == null) {
                    return; // nothing to send (order-events), so nothing to report
                }
                FunqyLambdaBindingRecorder.handle(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), null);
            }
            LOG.infof("primed %s in %d ms", export, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.debugf("priming %s did not complete (%s); the first invocation does the rest", export,
                    e.getClass().getSimpleName());
        }
    }

    /** The harmless event of {@code export}, or null when it has none. */
    static String event(String export) {
        String missing = "o-prime-" + UUID.randomUUID();
        return switch (export) {
            case "handoff" -> api("GET /v1/orders/{id}", "/v1/orders/" + missing, "\"id\":\"" + missing + "\"");
            case "mapping-config" -> api("GET /v1/business-types/{type}/flows",
                    "/v1/business-types/prime/flows", "\"type\":\"prime\"");
            case "order-sync" -> api("GET /v1/orders", "/v1/orders", "").replace("\"rawQueryString\":\"\"",
                    "\"rawQueryString\":\"syncState=DEAD&limit=1\",\"queryStringParameters\":{\"syncState\":\"DEAD\","
                    + "\"limit\":\"1\"}");
            case "order-retry" -> "{\"Records\":[{\"messageId\":\"" + UUID.randomUUID() + "\",\"receiptHandle\":\"p\","
                    + "\"body\":\"{\\\"orderId\\\":\\\"" + missing + "\\\",\\\"attempt\\\":2,\\\"dueAt\\\":\\\""
                    + Instant.EPOCH + "\\\"}\",\"attributes\":{},\"messageAttributes\":{},\"md5OfBody\":\"0\","
                    + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:prime\","
                    + "\"awsRegion\":\"us-east-1\"}]}";
            default -> null;
        };
    }

    /** An API Gateway HTTP API event whose verified token has every scope (it never leaves this JVM). */
    private static String api(String routeKey, String path, String pathParams) {
        return "{\"version\":\"2.0\",\"routeKey\":\"" + routeKey + "\",\"rawPath\":\"" + path + "\","
                + "\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\"},"
                + "\"pathParameters\":{" + pathParams + "},\"requestContext\":{\"accountId\":\"000000000000\","
                + "\"apiId\":\"prime\",\"requestId\":\"" + UUID.randomUUID() + "\",\"routeKey\":\"" + routeKey + "\","
                + "\"stage\":\"$default\",\"timeEpoch\":" + System.currentTimeMillis() + ",\"authorizer\":{\"jwt\":{"
                + "\"claims\":{\"sub\":\"baton-prime\"},\"scopes\":[\"" + RouteKey.ADMIN + "\",\"" + RouteKey.TERMINAL
                + "\",\"" + RouteKey.OPERATOR + "\"]}},\"http\":{\"method\":\"GET\",\"path\":\"" + path + "\","
                + "\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"baton-prime\"}},"
                + "\"isBase64Encoded\":false}";
    }
}
