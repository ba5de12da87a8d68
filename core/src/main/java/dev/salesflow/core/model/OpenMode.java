package dev.salesflow.core.model;

/** Whether opening a store may create it: a command that cannot add cases never creates a database. */
public enum OpenMode {
  /** The store must exist already; a missing database is refused and nothing is created. */
  EXISTING,
  /** A missing database is created (empty, with the current schema). */
  CREATE,
  /**
   * As {@link #CREATE}, for the target of {@code migrate}: a store that an earlier migration left
   * unfinished is opened too (to be replaced), where every other mode refuses it.
   */
  MIGRATION
}
