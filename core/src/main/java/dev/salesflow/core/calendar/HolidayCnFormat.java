package dev.salesflow.core.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the yearly JSON files of the holiday-cn project (GitHub {@code NateScarlet/holiday-cn},
 * MIT licence) into {@link OfficialSchedule}s.
 *
 * <p>A file has a {@code year} and a list of {@code days}, each with a {@code date}
 * ({@code yyyy-MM-dd}) and {@code isOffDay}: {@code true} for a day off, {@code false} for a
 * weekend day that is a working day. Other fields ({@code name}, {@code papers}, ...) are
 * ignored.
 */
public final class HolidayCnFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HolidayCnFormat() {
    }

    /**
     * Reads one holiday-cn year file. The stream is not closed.
     *
     * @param json the file content
     * @param sourceName where the content came from, for error messages
     * @throws IllegalArgumentException if the content is not a valid holiday-cn year file
     * @throws UncheckedIOException if reading fails
     */
    public static OfficialSchedule read(InputStream json, String sourceName) {
        Objects.requireNonNull(json, "json");
        YearFile file;
        try {
            file = JSON.readValue(json, YearFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    sourceName + " is not a holiday-cn year file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + sourceName, e);
        }
        if (file == null || file.year() == null || file.days() == null) {
            throw new IllegalArgumentException(
                    sourceName + " is not a holiday-cn year file: 'year' and 'days' are required");
        }
        Map<LocalDate, Boolean> offByDate = new HashMap<>();
        for (DayEntry entry : file.days()) {
            if (entry == null || entry.date() == null || entry.offDay() == null) {
                throw new IllegalArgumentException(sourceName
                        + ": every entry of 'days' needs 'date' and 'isOffDay', got " + entry);
            }
            LocalDate date = parseDate(entry.date(), sourceName);
            Boolean previous = offByDate.putIfAbsent(date, entry.offDay());
            if (previous != null && !previous.equals(entry.offDay())) {
                throw new IllegalArgumentException(sourceName + ": " + date
                        + " is listed both as a day off and as a working day");
            }
        }
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> makeupWorkdays = new HashSet<>();
        offByDate.forEach((date, off) -> (off ? daysOff : makeupWorkdays).add(date));
        return new OfficialSchedule(file.year(), daysOff, makeupWorkdays);
    }

    private static LocalDate parseDate(String text, String sourceName) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    sourceName + ": '" + text + "' is not a date of the form yyyy-MM-dd", e);
        }
    }

    /** The part of a holiday-cn year file that matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record YearFile(@JsonProperty("year") Integer year,
                    @JsonProperty("days") List<DayEntry> days) {
    }

    /** One entry of {@code days}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DayEntry(@JsonProperty("name") String name,
                    @JsonProperty("date") String date,
                    @JsonProperty("isOffDay") Boolean offDay) {
    }
}
