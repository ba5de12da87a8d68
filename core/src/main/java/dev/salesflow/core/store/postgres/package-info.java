/**
 * The PostgreSQL store: a schema of a shared database with the tables of the SQLite store (cases,
 * append-only events, materialised running clocks indexed by due time, meta), row locks on the
 * case for every read-then-write, and {@code COPY} for migrations.
 */
package dev.salesflow.core.store.postgres;
