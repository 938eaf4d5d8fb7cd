/**
 * Order events for channels (README "Order events"): derived from the orders table's change stream only, so an
 * event exists if and only if its change was committed. Depends on the order and sync features; they know nothing
 * of it.
 */
package dev.baton.events;
