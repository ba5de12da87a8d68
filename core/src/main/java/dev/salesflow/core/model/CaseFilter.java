package dev.salesflow.core.model;

/**
 * Which cases to list; a null criterion matches every case.
 *
 * @param stage the current stage id the case must be in, or null
 * @param priority the priority the case must have, or null
 * @param owner the owner the case must have (exactly), or null
 */
public record CaseFilter(String stage, Priority priority, String owner) {
  /** Matches every case. */
  public static final CaseFilter ALL = new CaseFilter(null, null, null);

  /**
   * Whether a case passes every criterion.
   *
   * @param view a replayed case
   * @return true when {@code view} passes every criterion
   */
  public boolean matches(CaseView view) {
    return (stage == null || stage.equals(view.stage()))
        && (priority == null || priority == view.value().priority())
        && (owner == null || owner.equals(view.value().owner()));
  }
}
