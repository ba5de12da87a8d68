package dev.salesflow.core.model;

import java.util.List;

/** The process refuses an event: an unmet guard, an event not allowed in the current stage. */
public final class RefusedException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  /** The case the event was meant for. */
  private final String caseId;
  /** What was refused, as a catalog entry. */
  private final transient Message summary;
  /** One entry per unmet requirement or problem. */
  private final transient List<Message> problems;

  /**
   * A refusal whose message is {@code caseId: summary}.
   *
   * @param caseId the case the event was meant for
   * @param summary what was refused, e.g. {@code cannot advance to negotiation}
   * @param problems one line per unmet requirement or problem
   */
  public RefusedException(String caseId, String summary, List<String> problems) {
    this(Message.literal(summary), problems.stream().map(Message::literal).toList(), caseId);
  }

  /**
   * A refusal whose message is {@code caseId: summary}, its parts catalog entries.
   *
   * @param summary what was refused
   * @param problems one entry per unmet requirement or problem
   * @param caseId the case the event was meant for
   */
  public RefusedException(Message summary, List<Message> problems, String caseId) {
    super(Message.of(MessageKey.CASE_PREFIX, caseId, summary));
    this.caseId = caseId;
    this.summary = summary;
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
    return problems.stream().map(Message::english).toList();
  }

  /**
   * Why the event was refused, in a language.
   *
   * @param lang {@code en} or {@code zh}
   * @return one line per unmet requirement or problem
   */
  public List<String> problems(String lang) {
    return problems.stream().map(p -> p.in(lang)).toList();
  }

  /**
   * What was refused, in a language, without the case id.
   *
   * @param lang {@code en} or {@code zh}
   * @return e.g. {@code cannot advance to negotiation}
   */
  public String summary(String lang) {
    return summary.in(lang);
  }
}
