package dev.salesflow.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A request names a bad value: an unknown stage, a malformed id or timestamp, a missing field. When
 * the request was checked field by field, {@link #problems()} lists what is wrong as values, for a
 * caller to word in its own terms.
 */
public final class InvalidRequestException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  /** What was refused, without the problems; null when the problems say it all. */
  private final String summary;
  /** Every problem found, each a value; empty for a failure told by its message alone. */
  private final List<RequestProblem> problems;

  /**
   * A failure with a message naming the bad value and, where it helps, the accepted ones.
   *
   * @param message what is wrong, for a person
   */
  public InvalidRequestException(String message) {
    super(message);
    this.summary = message;
    this.problems = List.of();
  }

  /**
   * A failure whose message is a catalog entry.
   *
   * @param text what is wrong, for a person
   */
  public InvalidRequestException(Message text) {
    super(text);
    this.summary = text.english();
    this.problems = List.of();
  }

  /**
   * A failure listing every problem found; its message is {@code summary: problem; problem}, each
   * worded by {@link RequestProblem#message()}.
   *
   * @param summary what was refused, e.g. {@code cannot register}; null to list only the problems
   * @param problems every problem, at least one
   */
  public InvalidRequestException(String summary, List<? extends RequestProblem> problems) {
    super(message(summary, problems));
    this.summary = summary;
    this.problems = List.copyOf(problems);
  }

  private static String message(String summary, List<? extends RequestProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    List<String> messages = new ArrayList<>(problems.size());
    for (RequestProblem p : problems) {
      messages.add(p.message());
    }
    return (summary == null ? "" : summary + ": ") + String.join("; ", messages);
  }

  /**
   * What was refused, without the problems.
   *
   * @return e.g. {@code cannot register}; the message for a failure without problems; null when
   *     the problems say it all
   */
  public String summary() {
    return summary;
  }

  /**
   * What is wrong, as values.
   *
   * @return every problem, in the order found; empty for a failure told by its message alone
   */
  public List<RequestProblem> problems() {
    return problems;
  }
}
