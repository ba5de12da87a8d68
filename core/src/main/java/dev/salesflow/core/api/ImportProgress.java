package dev.salesflow.core.api;

/** Told after each case an import registers. */
@FunctionalInterface
public interface ImportProgress {
  /** Reports nothing. */
  ImportProgress NONE = (done, total) -> {};

  void registered(int done, int total);
}
