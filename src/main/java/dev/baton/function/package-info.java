/**
 * The Lambda entry points ({@code @Funq}, one per exported function) and their routes: each maps an API Gateway
 * event or queue message to one service call and the result to an answer. {@code http} is the shared glue:
 * routing with scopes, strict JSON bodies, query parameters and problem+json answers.
 */
package dev.baton.function;
