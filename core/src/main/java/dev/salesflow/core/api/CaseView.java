package dev.salesflow.core.api;


/** A case with the outcome of replaying it: its current stage and stage history. */
public record CaseView(Case value, Replay replay) {
  /** The current stage id. */
  public String stage() {
    return replay.stage();
  }
}
