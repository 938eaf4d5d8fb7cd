/**
 * Baton on one machine (infra/local/run.sh, the console tests, the benchmarks): DynamoDB Local and ElasticMQ
 * embedded, every function of template.yaml run from function.zip against a Lambda Runtime API emulator, a
 * local gateway with the template's routes and JWT check, and a stand-in insurer. Compiled with the tests, never
 * in function.zip.
 */
package dev.baton.local;
