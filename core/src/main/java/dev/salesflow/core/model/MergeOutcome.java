package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the git merge driver did with one file.
 *
 * @param method how the file was merged
 * @param conflicts one line per conflict left in the file, naming its case and what clashed; empty
 *     when the merge is clean
 * @param textReason why the file was merged as text, not as a case ({@link Method#TEXT}); null
 *     for {@link Method#CASE}
 */
public record MergeOutcome(Method method, List<String> conflicts, String textReason) {
  /** How a file was merged. */
  public enum Method {
    /** As a case: events united in time order, the registration field by field, the result replayed. */
    CASE,
    /** Line by line, as git merges text, because the file is not a case file or could not be read as one. */
    TEXT
  }

  /**
   * Copies the conflicts so the outcome is immutable.
   *
   * @param method how the file was merged; not null
   * @param conflicts the conflicts left, or empty
   * @param textReason why it was merged as text, or null for a case merge
   */
  public MergeOutcome {
    Objects.requireNonNull(method, "method");
    conflicts = List.copyOf(conflicts);
    if ((method == Method.TEXT) != (textReason != null)) {
      throw new IllegalArgumentException("a text merge, and only a text merge, says why it was one");
    }
  }

  /**
   * A case merge.
   *
   * @param conflicts the conflicts left, or empty
   * @return the outcome
   */
  public static MergeOutcome ofCase(List<String> conflicts) {
    return new MergeOutcome(Method.CASE, conflicts, null);
  }

  /**
   * A text merge.
   *
   * @param reason why the file was not merged as a case
   * @param conflicts the conflicts left, or empty
   * @return the outcome
   */
  public static MergeOutcome text(String reason, List<String> conflicts) {
    return new MergeOutcome(Method.TEXT, conflicts, reason);
  }

  /**
   * Whether the merge left no conflict.
   *
   * @return true when the merged file needs no one's attention
   */
  public boolean clean() {
    return conflicts.isEmpty();
  }
}
