/**
 * Flows and node mappings, and what a handoff carries over: {@code domain} holds the rules of
 * docs/semantics.md#handoff-rules (Flow, NodeMapping, HandoffResolver, MappingLint) in plain Java; {@code app}
 * publishes versions and previews handoffs through the DefinitionStore port; {@code infra} stores them in the
 * definitions table. Published versions never change, so services cache them.
 */
package dev.baton.flow;
