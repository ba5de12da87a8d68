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
    return matches(view.stage(), view.value());
  }

  /**
   * Whether a case passes every criterion.
   *
   * @param standing a case and its current stage
   * @return true when {@code standing} passes every criterion
   */
  public boolean matches(CaseStanding standing) {
    return matches(standing.stage(), standing.value());
  }

  private boolean matches(String currentStage, Case c) {
    return (stage == null || stage.equals(currentStage))
        && (priority == null || priority == c.priority())
        && (owner == null || owner.equals(c.owner()));
  }
}
