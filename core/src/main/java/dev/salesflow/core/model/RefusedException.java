package dev.salesflow.core.model;

import java.util.List;

/** The process refuses an event: an unmet guard, an event not allowed in the current stage. */
public final class RefusedException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  /** The case the event was meant for. */
  private final String caseId;
  /** One line per unmet requirement or problem. */
  private final List<String> problems;

  /**
   * A refusal whose message is {@code caseId: summary}.
   *
   * @param caseId the case the event was meant for
   * @param summary what was refused, e.g. {@code cannot advance to negotiation}
   * @param problems one line per unmet requirement or problem
   */
  public RefusedException(String caseId, String summary, List<String> problems) {
    super(caseId + ": " + summary);
    this.caseId = caseId;
    this.problems = List.copyOf(problems);
  }

  /**
   * The case the event was meant for.
   *
   * @return its id
   */
  public String caseId() {
    return caseId;
  }

  /**
   * Why the event was refused.
   *
   * @return one line per unmet requirement or problem
   */
  public List<String> problems() {
    return problems;
  }
}
