package dev.salesflow.core.model;

/** Whether opening a store may create it: a command that cannot add cases never creates a database. */
public enum OpenMode {
  /** The store must exist already; a missing database is refused and nothing is created. */
  EXISTING,
  /** A missing database is created (empty, with the current schema). */
  CREATE
}
