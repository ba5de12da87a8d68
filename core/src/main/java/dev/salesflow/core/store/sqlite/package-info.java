/**
 * The SQLite store: schema and migrations, case and event rows, materialised running clocks and
 * the due-ordered clock scan that serves {@code overdue}.
 */
package dev.salesflow.core.store.sqlite;
