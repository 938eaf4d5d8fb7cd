package dev.baton.shared.infra;

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

    /** Limits of the HTTP API. */
    Http http();

    /** DynamoDB table names. */
    interface Tables {
        /** Flows and node mappings, all versions (immutable) plus one head item per flow and mapping. */
        String definitions();

        /** Orders: ownership, progress, handoff history and sync state. */
        String orders();
    }

    /** Limits of the HTTP API; every limit is documented in the README. */
    interface Http {
        /** Largest request body accepted, in bytes (after base64 decoding); larger is a 413. */
        @WithDefault("262144")
        int maxBodyBytes();
    }
}
