/**
 * Orders: starting them, completing nodes in order, and handoffs that move ownership with one conditional write
 * (docs/semantics.md#handoff-rules, rules 6 and 7). {@code domain} decides (Order, NodeCompletion, Takeover);
 * {@code app} loads, decides and stores through the OrderStore port; {@code infra} maps orders onto the orders
 * table.
 */
package dev.baton.order;
