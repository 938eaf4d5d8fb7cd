package dev.baton.shared.infra;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Baton's typed configuration ({@code baton.*}). In AWS the SAM template passes resource names as
 * environment variables ({@code BATON_TABLES_ORDERS} → {@code baton.tables.orders}).
 */
@ConfigMapping(prefix = "baton")
public interface BatonConfig {

    /** DynamoDB table names. */
    Tables tables();

    /** SQS queues. */
    Queues queues();

    /** Limits of the HTTP API. */
    Http http();

    /** Where secret header values may come from. */
    Secrets secrets();

    /** Authentication and authorization. */
    Auth auth();

    /** Where order events go (README "Order events"). */
    Events events();

    /**
     * Whether each function sends itself one harmless read at start-up ({@code dev.baton.function.Priming}); unset,
     * the JVM build primes and the native build does not (there is no JIT to warm, so it only adds init time).
     */
    Optional<Boolean> prime();

    /** The AWS SDK clients Baton builds itself ({@link AwsClients}). */
    Aws aws();

    /**
     * The AWS SDK clients: in AWS nothing is set (region and credentials come from the Lambda environment through
     * the SDK's default chains); the local stack and the tests point them at the embedded backends.
     */
    interface Aws {
        /** The DynamoDB client (env {@code BATON_AWS_DYNAMODB_ENDPOINT}, ...). */
        Client dynamodb();

        /** The SQS client. */
        Client sqs();

        /** The Parameter Store (SSM) client. */
        Client ssm();
    }

    /** One AWS SDK client's settings. */
    interface Client {
        /** Another endpoint than AWS's own (DynamoDB Local, ElasticMQ, a stand-in); unset in AWS. */
        Optional<java.net.URI> endpoint();

        /**
         * Execution interceptors added after Baton's call counter, by class name, each with a public no-argument
         * constructor (the in-process benchmark adds its storage clock); unset in AWS.
         */
        Optional<List<String>> interceptors();
    }

    /** Where order events go. */
    interface Events {
        /** The EventBridge bus the {@code order-events} function puts events on (env {@code BATON_EVENTS_BUS}). */
        @WithDefault("baton-events")
        String bus();

        /** Another EventBridge endpoint (tests); unset in AWS (env {@code BATON_EVENTS_ENDPOINT}). */
        Optional<String> endpoint();
    }

    /** Which downstream endpoints may be called. */
    DownstreamEndpoints downstream();

    /** Which downstream endpoints may be called (README "Security and privacy"). */
    interface DownstreamEndpoints {
        /**
         * Allows {@code http}, any port and loopback addresses for downstream endpoints: set by the local stack
         * and the tests that use a stand-in insurer on loopback (env {@code BATON_DOWNSTREAM_ALLOW_INSECURE_LOCAL});
         * never in AWS. Link-local and private addresses stay refused either way.
         */
        @WithDefault("false")
        boolean allowInsecureLocal();

        /**
         * The deployment's egress allowlist (env {@code BATON_DOWNSTREAM_ALLOWED_HOSTS}, comma-separated): when
         * set, downstream endpoints must name one of these hosts or a subdomain of one; unset, any public host.
         */
        Optional<List<String>> allowedHosts();
    }

    /** Log output. */
    Log log();

    /** Timings of order sync. */
    Sync sync();

    /** Timings of order sync (tests and the crash-point suite shorten them; production keeps the defaults). */
    interface Sync {
        /**
         * Added to an attempt's own time budget for its lease, so a slow but live attempt is never taken over;
         * an expired lease is recovered by the sweeper.
         */
        @WithDefault("30s")
        java.time.Duration leaseMargin();

        /** How overdue an {@code ASYNC_PENDING} order must be before the sweeper counts its message as lost. */
        @WithDefault("60s")
        java.time.Duration sweepGrace();
    }

    /** Log output. */
    interface Log {
        /** One JSON object per console line (Lambda); plain text otherwise. */
        @WithDefault("false")
        boolean json();
    }

    /** How callers are checked. */
    enum AuthMode {
        /** Nothing is checked (the local default; the startup banner says so). */
        OFF,
        /** Every route needs a verified JWT with one of its scopes (API Gateway verifies it in AWS). */
        JWT
    }

    /** Authentication and authorization. */
    interface Auth {
        /** {@code off} or {@code jwt}; the SAM template sets {@code jwt}. */
        @WithDefault("off")
        AuthMode mode();

        /** The token claim that names the caller's terminal; a body's terminalId must equal it. */
        @WithDefault("terminal_id")
        String terminalClaim();

        /**
         * What a client-chosen {@code orderId} names with tokens on: {@code as-given} (the id itself), or
         * {@code per-terminal} (the SAM template's choice), where it is the caller's own key and the order's
         * id is derived from it and the caller's terminal — so no caller can probe or occupy another's ids.
         */
        @WithDefault("as-given")
        OrderIds orderIds();
    }

    /** See {@link Auth#orderIds()}. */
    enum OrderIds {
        /** The order's id is the id the client sent. */
        AS_GIVEN,
        /** The order's id is derived from the client's id and the caller's terminal ({@code OrderIds}). */
        PER_TERMINAL
    }

    /** DynamoDB table names. */
    interface Tables {
        /** Flows, node mappings and downstreams, all versions (immutable) plus one head item each. */
        String definitions();

        /** Orders: ownership, progress, handoff history and sync state. */
        String orders();

        /** Order events as published, kept for the events route (README "Order events"). */
        String events();

        /** The operators' inbox: per downstream, one group item per template of failures the rules missed. */
        String inbox();
    }

    /** SQS queue URLs. */
    interface Queues {
        /** The retry queue that triggers the next attempt of orders in async processing. */
        @WithDefault("http://localhost:9324/000000000000/baton-retry")
        String retry();
    }

    /** Where secret header values may come from. */
    interface Secrets {
        /**
         * Secret header values may only come from Parameter Store names under this path (and from environment
         * variables named {@code BATON_SECRET_*}); env {@code BATON_SECRETS_PARAMETER_PREFIX}.
         */
        @WithDefault("/baton/")
        String parameterPrefix();
    }

    /** Limits of the HTTP API; every limit is documented in the README. */
    interface Http {
        /** Largest request body accepted, in bytes (after base64 decoding); larger is a 413. */
        @WithDefault("262144")
        int maxBodyBytes();
    }
}
