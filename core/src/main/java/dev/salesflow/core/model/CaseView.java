package dev.salesflow.core.model;

/**
 * A case with the outcome of replaying it: its current stage and stage history.
 *
 * @param value the case as its corrections leave it ({@link Case#current()}): the stored header with
 *     the registration and owner its {@code registration_edited} and {@code reassigned} events set
 * @param replay the outcome of replaying its events through the process
 */
public record CaseView(Case value, Replay replay) {
  /**
   * The current stage, as the replay left it.
   *
   * @return the current stage id
   */
  public String stage() {
    return replay.stage();
  }
}
