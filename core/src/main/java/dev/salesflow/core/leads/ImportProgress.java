package dev.salesflow.core.leads;

/** Told after each case an import registers. */
@FunctionalInterface
public interface ImportProgress {
  /** Reports nothing. */
  ImportProgress NONE = (done, total) -> {};

  void registered(int done, int total);
}
