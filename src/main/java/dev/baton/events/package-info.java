/**
 * Order events for channels (README "Order events"): derived from the orders table's change stream only, so an
 * event exists if and only if its change was committed. Each event is stored once (its own table, kept 180 days)
 * for {@code GET /v1/orders/{id}/events}, readable by whoever may read the order. Depends on the order and sync
 * features; they know nothing of it.
 */
package dev.baton.events;
