package dev.salesflow.core.api;

/**
 * Told after each case an import registers; never called by a dry run or by an import that writes
 * nothing.
 */
@FunctionalInterface
public interface ImportProgress {
  /** Reports nothing. */
  ImportProgress NONE = (done, total) -> {};

  /**
   * Called on the importing thread after each case is registered.
   *
   * @param done how many cases have been registered so far, from 1
   * @param total how many cases the import will register
   */
  void registered(int done, int total);
}
