/**
 * The values every other package speaks: cases, events, registrations, SLA clocks, diagnostics,
 * report rows, queries and the typed exceptions. Immutable records and enums that depend on no other
 * salesflow package; exported with {@link dev.salesflow.core.api}.
 */
package dev.salesflow.core.model;
