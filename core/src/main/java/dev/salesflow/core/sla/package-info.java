/**
 * SLA rules and their clocks: when a clock starts and stops, judging it at an instant, and finding
 * the overdue ones ({@code OverdueFinder}, from a store's due-ordered index of running clocks,
 * {@code DueClocks}, or by replaying every case). Target units (clock time, working days, business
 * hours) are in {@code calendar}.
 */
package dev.salesflow.core.sla;
