/**
 * The SQLite store: schema and migrations, case and event rows, materialised running clocks and
 * the clock scan that serves {@code overdue}, checked to be in due order (and sorted when not).
 */
package dev.salesflow.core.store.sqlite;
