package dev.salesflow.core.api;

import java.util.List;

/** The process refuses an event: an unmet guard, an event not allowed in the current stage. */
public final class RefusedException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  private final String caseId;
  private final List<String> problems;

  public RefusedException(String caseId, String summary, List<String> problems) {
    super(caseId + ": " + summary);
    this.caseId = caseId;
    this.problems = List.copyOf(problems);
  }

  public String caseId() {
    return caseId;
  }

  /** One line per unmet requirement or problem. */
  public List<String> problems() {
    return problems;
  }
}
