package dev.salesflow.core.calendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The built-in business calendars.
 *
 * <ul>
 *   <li>{@code cn}: mainland China. Monday to Friday, 09:00-12:00 and 13:00-18:00, plus the
 *       official days off and makeup working days (调休) of the State Council for the years in
 *       {@link #CN_YEARS}, bundled from the holiday-cn project (MIT licence, see
 *       {@code LICENSE-holiday-cn.txt} next to the data). Other years from 2025 on have the
 *       statutory holidays by rule ({@link StatutoryHolidays}), without makeup working days;
 *       years before 2025 follow the weekly pattern only.</li>
 *   <li>{@code weekly}: the same week and hours with no holidays and no known years.</li>
 * </ul>
 */
public final class Calendars {

    /** The names accepted by {@link #named(String, ZoneId)}. */
    public static final List<String> NAMES = List.of("cn", "weekly");

    /** The years whose official Chinese schedule is bundled. */
    public static final List<Integer> CN_YEARS = List.of(2025, 2026);

    /** The zone the {@code cn} calendar uses unless told otherwise. */
    public static final ZoneId CN_DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private Calendars() {
    }

    /** The {@code cn} calendar in {@link #CN_DEFAULT_ZONE}. */
    public static BusinessCalendar cn() {
        return cn(CN_DEFAULT_ZONE);
    }

    /** The {@code cn} calendar with its dates and working hours read in {@code zone}. */
    public static BusinessCalendar cn(ZoneId zone) {
        BusinessCalendar calendar = BusinessCalendar.standard(zone).withFallback(YearFallback.CN_STATUTORY);
        for (OfficialSchedule schedule : CnSchedules.ALL) {
            calendar = calendar.withOfficialSchedule(schedule);
        }
        return calendar;
    }

    /** The {@code weekly} calendar: {@link BusinessCalendar#standard(ZoneId)}. */
    public static BusinessCalendar weekly(ZoneId zone) {
        return BusinessCalendar.standard(zone);
    }

    /**
     * The built-in calendar called {@code name} (case-insensitive), read in {@code zone}.
     *
     * @throws IllegalArgumentException if there is no such calendar
     */
    public static BusinessCalendar named(String name, ZoneId zone) {
        Objects.requireNonNull(name, "name");
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cn" -> cn(zone);
            case "weekly" -> weekly(zone);
            default -> throw new IllegalArgumentException(
                    "Unknown calendar '" + name + "'; built-in calendars are " + NAMES);
        };
    }

    /** The bundled Chinese schedules, made once on first use (see {@link BundledCnSchedules}). */
    private static final class CnSchedules {
        static final List<OfficialSchedule> ALL = BundledCnSchedules.all();
    }
}
