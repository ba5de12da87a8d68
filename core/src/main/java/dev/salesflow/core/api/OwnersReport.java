package dev.salesflow.core.api;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * Each owner's open cases per stage and the deadlines that need them.
 *
 * @param stages the open stage ids, the order of {@link OwnerRow#openByStage()}
 * @param owners one row per owner of a covered case, by name
 * @param unknownYears years the deadlines needed that the calendar has no holiday schedule for
 */
public record OwnersReport(ReportQuery query, List<String> stages, List<OwnerRow> owners, SortedSet<Integer> unknownYears) {
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
   */
  public record OwnerRow(String owner, List<Integer> openByStage, int breached, int dueSoon) {
    public OwnerRow {
      openByStage = List.copyOf(openByStage);
    }

    public int open() {
      return openByStage.stream().mapToInt(Integer::intValue).sum();
    }
  }
}
