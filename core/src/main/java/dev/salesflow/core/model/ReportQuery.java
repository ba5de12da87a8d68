package dev.salesflow.core.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What a report covers: a period of calendar days in the workspace zone (either end may be open,
 * both are inclusive) and optionally one owner's cases. Which instant of a case falls in the
 * period depends on the report: its registration for funnel, aging and owners; a clock's start
 * for the SLA report.
 *
 * <p>With {@link Period#ENDED} the period is that of the day a case was won or lost instead, for
 * every report: only cases that ended (in the period, when it has an end) are covered. With {@link
 * Period#REACHED} it is that of the day a case first entered {@code stage}: only cases that reached
 * the stage (in the period, when it has an end) are covered.
 *
 * @param from the first day of the period, or null for no start
 * @param to the last day of the period, or null for no end
 * @param owner the owner whose cases are covered, or null for every owner
 * @param period which day of a case the period is of; null reads as {@link Period#REGISTRATION}
 * @param stage for {@link Period#REACHED}, the stage whose first entry the period is of; null otherwise
 */
public record ReportQuery(LocalDate from, LocalDate to, String owner, Period period, String stage) {
  /** Every case, over all time. */
  public static final ReportQuery ALL = new ReportQuery(null, null, null);

  /** Which day of a case the period of a report is of. */
  public enum Period {
    /** The day it was registered (for the SLA report: the day each clock started). */
    REGISTRATION,
    /** The day it was won (closed) or lost; only ended cases are covered. */
    ENDED,
    /** The day it first entered the query's stage; only cases that reached it are covered. */
    REACHED
  }

  /**
   * A query whose period is of the registration day.
   *
   * @param from the first day, or null
   * @param to the last day, or null
   * @param owner the owner, or null
   */
  public ReportQuery(LocalDate from, LocalDate to, String owner) {
    this(from, to, owner, Period.REGISTRATION);
  }

  /**
   * A query whose period is of the registration day or of the day a case ended.
   *
   * @param from the first day, or null
   * @param to the last day, or null
   * @param owner the owner, or null
   * @param period {@link Period#REGISTRATION} or {@link Period#ENDED}; null for the registration
   */
  public ReportQuery(LocalDate from, LocalDate to, String owner, Period period) {
    this(from, to, owner, period, null);
  }

  /**
   * A query over the cases that first entered {@code stage} in the period.
   *
   * @param from the first day, or null
   * @param to the last day, or null
   * @param owner the owner, or null
   * @param stage the stage id
   * @return the query
   */
  public static ReportQuery reached(LocalDate from, LocalDate to, String owner, String stage) {
    return new ReportQuery(from, to, owner, Period.REACHED, stage);
  }

  /**
   * Checks the period and strips the owner, reading a blank one as none.
   *
   * @param from the first day, or null
   * @param to the last day, or null
   * @param owner the owner, or null
   * @param period which day of a case the period is of, or null for the registration
   * @param stage the stage of {@link Period#REACHED}; null for the other periods
   * @throws InvalidRequestException when {@code to} is before {@code from}, or {@code stage} is missing
   *     for {@link Period#REACHED}
   */
  public ReportQuery {
    period = period == null ? Period.REGISTRATION : period;
    stage = stage == null || stage.isBlank() ? null : stage.strip();
    if (period == Period.REACHED && stage == null) {
      throw new InvalidRequestException("a period of reaching a stage needs the stage");
    }
    if (period != Period.REACHED && stage != null) {
      throw new IllegalArgumentException("a stage belongs only to a period of reaching it, not of " + period);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequestException("the period ends (" + to + ") before it starts (" + from + ")");
    }
    owner = owner == null || owner.isBlank() ? null : owner.strip();
  }

  /**
   * Whether an instant falls in the period.
   *
   * @param at an instant, or null
   * @param zone the zone whose calendar days count, normally the workspace's
   * @return true when {@code at}, read in {@code zone}, falls on a day of the period; always true for
   *     an unbounded period, false for a null {@code at} otherwise
   */
  public boolean covers(OffsetDateTime at, ZoneId zone) {
    if (from == null && to == null) {
      return true;
    }
    if (at == null) {
      return false;
    }
    LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /**
   * Whether a case's owner is covered.
   *
   * @param caseOwner the owner of a case, or null
   * @return true when no owner is asked for, or {@code caseOwner} is the one
   */
  public boolean ownedBy(String caseOwner) {
    return owner == null || owner.equals(caseOwner);
  }
}
