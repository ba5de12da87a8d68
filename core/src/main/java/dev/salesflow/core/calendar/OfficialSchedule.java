package dev.salesflow.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official schedule of one year: the dates that are days off and the dates that are makeup
 * working days. Loading it into a calendar with
 * {@link BusinessCalendar#withOfficialSchedule(OfficialSchedule)} makes the year known.
 *
 * <p>Dates are not required to lie in {@code year}: a schedule for one year may announce a day
 * off at the very start of the next.
 *
 * @param year the year the schedule was published for
 * @param daysOff dates that are days off (weekend dates may be listed too)
 * @param makeupWorkdays dates that are working days although they fall on a weekend
 */
public record OfficialSchedule(int year, Set<LocalDate> daysOff, Set<LocalDate> makeupWorkdays) {

    /** Copies the sets and checks that no date is both a day off and a makeup working day. */
    public OfficialSchedule {
        daysOff = sortedCopy(daysOff, "daysOff");
        makeupWorkdays = sortedCopy(makeupWorkdays, "makeupWorkdays");
        List<LocalDate> both = new ArrayList<>(daysOff);
        both.retainAll(makeupWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("The official schedule for " + year
                    + " lists dates both as days off and as makeup working days: " + both);
        }
    }

    private static Set<LocalDate> sortedCopy(Collection<LocalDate> dates, String name) {
        Objects.requireNonNull(dates, name);
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate date : dates) {
            if (date == null) {
                throw new NullPointerException(name + " element"); // the message made only when needed
            }
            copy.add(date);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
