package dev.salesflow.core.model;

/**
 * Told how far long work has got: {@link dev.salesflow.core.api.Salesflow#check} (files), {@link dev.salesflow.core.api.Salesflow#importLeads}
 * (cases registered) and {@link dev.salesflow.core.api.Salesflow#migrateTo} (cases stored), so a caller can draw a progress
 * bar without counting the work itself.
 */
@FunctionalInterface
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (done, total) -> {};

  /**
   * Called after each step; {@code done} only grows. {@code check} may call it from any of its
   * threads; an import that writes nothing (a dry run, invalid rows) never calls it.
   *
   * @param done how many files or cases are done so far, from 1
   * @param total how many there are in all
   */
  void update(int done, int total);
}
