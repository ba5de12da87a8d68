package dev.salesflow.core.api;

/**
 * Told how far long work has got: {@link Salesflow#check} (files), {@link Salesflow#importLeads}
 * (cases registered) and {@link Salesflow#migrateTo} (cases stored), so a caller can draw a progress
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
