/**
 * Business calendars and SLA target arithmetic.
 *
 * <p>A {@link dev.salesflow.core.calendar.BusinessCalendar} says which dates are working days
 * and which hours of them are working hours, in one zone;
 * {@link dev.salesflow.core.calendar.Calendars} provides the built-in ones (notably {@code cn},
 * mainland China with the official 2025 and 2026 schedules and, for later years, the
 * statutory holidays by rule: {@link dev.salesflow.core.calendar.StatutoryHolidays}). A
 * {@link dev.salesflow.core.calendar.Target} such as {@code "5 working days"} computes a due
 * instant from a start instant and a calendar; {@link dev.salesflow.core.model.Durations}
 * parses plain clock durations such as {@code "36h"}.
 */
package dev.salesflow.core.calendar;


