/**
 * Order sync (docs/semantics.md#sync-rules): {@code domain} classifies failures (FailureClassifier, DefaultRules)
 * and owns the retry maths (RetryPolicy); {@code app} syncs, retries, sweeps and redrives through the Connector,
 * RetryQueue and store ports; {@code infra} calls downstreams over HTTP, queues retries on SQS and keeps
 * downstream settings in the definitions table.
 */
package dev.baton.sync;
