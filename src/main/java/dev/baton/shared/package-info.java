/**
 * What every feature uses: identifier rules and masking ({@code domain}), the exceptions services throw and the
 * versioned-publish helper ({@code app}, {@code infra}), typed configuration, JSON logging and the AWS call
 * counter ({@code infra}).
 */
package dev.baton.shared;
