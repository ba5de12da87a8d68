package dev.salesflow.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * Each owner's open cases per stage and the deadlines that need them.
 *
 * @param query the period (by registration) and owner the report covers
 * @param stages the open stage ids, the order of {@link OwnerRow#openByStage()}
 * @param owners one row per owner of a covered case, by name (cases without an owner last)
 * @param unknownYears years the deadlines needed that the calendar has no holiday schedule for
 */
public record OwnersReport(ReportQuery query, List<String> stages, List<OwnerRow> owners, SortedSet<Integer> unknownYears) {
  /**
   * Copies the collections so the report is immutable.
   *
   * @param query the period and owner covered; not null
   * @param stages the open stage ids
   * @param owners one row per owner
   * @param unknownYears the years the calendar does not know
   */
  public OwnersReport {
    Objects.requireNonNull(query, "query");
    stages = List.copyOf(stages);
    owners = List.copyOf(owners);
    unknownYears = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unknownYears));
  }

  /**
   * One owner.
   *
   * @param owner the owner's name; null for cases without one
   * @param openByStage open cases per stage, in the order of {@link OwnersReport#stages()}
   * @param breached running clocks of open cases past their deadline
   * @param dueSoon running clocks of open cases inside their rule's warning window
   * @param won cases closed (won)
   * @param wonValue the contract value of the cases won
   * @param lost cases lost
   */
  public record OwnerRow(String owner, List<Integer> openByStage, int breached, int dueSoon, int won, BigDecimal wonValue,
      int lost) {
    /**
     * Copies the counts so the row is immutable.
     *
     * @param owner the owner's name, or null
     * @param openByStage open cases per stage
     * @param breached breached clocks
     * @param dueSoon clocks due soon
     * @param won cases won
     * @param wonValue their contract value; not null
     * @param lost cases lost
     */
    public OwnerRow {
      openByStage = List.copyOf(openByStage);
      Objects.requireNonNull(wonValue, "wonValue");
      if (won < 0 || lost < 0) {
        throw new IllegalArgumentException("won and lost are counts, got " + won + " and " + lost);
      }
    }

    /**
     * The owner's open cases.
     *
     * @return the sum of {@link #openByStage()}
     */
    public int open() {
      return openByStage.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The share of the owner's decided cases that were won: won / (won + lost).
     *
     * @return a ratio from 0 to 1; null when no case was won or lost
     */
    public Double winRate() {
      return won + lost == 0 ? null : won / (double) (won + lost);
    }
  }
}
