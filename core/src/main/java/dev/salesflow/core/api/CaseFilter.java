package dev.salesflow.core.api;


/** Which cases to list; a null criterion matches every case. */
public record CaseFilter(String stage, Priority priority, String owner) {
  /** Matches every case. */
  public static final CaseFilter ALL = new CaseFilter(null, null, null);

  /** True when {@code view} passes every criterion. */
  public boolean matches(CaseView view) {
    return (stage == null || stage.equals(view.stage()))
        && (priority == null || priority == view.value().priority())
        && (owner == null || owner.equals(view.value().owner()));
  }
}
