package dev.salesflow.core.model;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A running clock of a case that is breached or due soon, with what reports need of the case.
 *
 * @param caseId the case id
 * @param stage the case's current stage id
 * @param owner the case's owner; may be null
 * @param priority the case's priority
 * @param company the customer company
 * @param clock the clock, judged at the instant asked for
 * @param fallbackYears the years this clock's deadline needed that the calendar has no official
 *     holiday schedule for (so the deadline was counted on statutory or weekly days); usually empty
 */
public record OverdueItem(String caseId, String stage, String owner, Priority priority, String company, SlaClock clock,
    SortedSet<Integer> fallbackYears) {
  private static final SortedSet<Integer> NONE = Collections.unmodifiableSortedSet(new TreeSet<>());

  /**
   * Copies the years.
   *
   * @param caseId the case id
   * @param stage the case's current stage id
   * @param owner the case's owner; may be null
   * @param priority the case's priority
   * @param company the customer company
   * @param clock the clock, judged at the instant asked for
   * @param fallbackYears the years the deadline needed without an official schedule
   */
  public OverdueItem {
    fallbackYears = fallbackYears == null || fallbackYears.isEmpty() ? NONE
        : Collections.unmodifiableSortedSet(new TreeSet<>(fallbackYears));
  }

  /**
   * An item whose deadline needed no year without an official schedule.
   *
   * @param caseId the case id
   * @param stage the case's current stage id
   * @param owner the case's owner; may be null
   * @param priority the case's priority
   * @param company the customer company
   * @param clock the clock, judged at the instant asked for
   */
  public OverdueItem(String caseId, String stage, String owner, Priority priority, String company, SlaClock clock) {
    this(caseId, stage, owner, priority, company, clock, NONE);
  }

  /**
   * This item with {@code years} as its fallback years.
   *
   * @param years the years the deadline needed without an official schedule
   * @return the item with those years
   */
  public OverdueItem withFallbackYears(SortedSet<Integer> years) {
    return new OverdueItem(caseId, stage, owner, priority, company, clock, years);
  }
}
