package dev.salesflow.core.calendar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the yearly JSON files of the holiday-cn project (GitHub {@code NateScarlet/holiday-cn},
 * MIT licence) into {@link OfficialSchedule}s: a workspace's {@code calendar: {schedules: [FILE.json]}},
 * and (in the tests) the source of {@code BundledCnSchedules}, the bundled files as Java, which is
 * what salesflow runs with.
 *
 * <p>A file has a {@code year} and a list of {@code days}, each with a {@code date}
 * ({@code yyyy-MM-dd}) and {@code isOffDay}: {@code true} for a day off, {@code false} for a
 * weekend day that is a working day. Other fields ({@code name}, {@code papers}, ...) are
 * ignored. Read with Jackson's streaming parser only: data binding would cost a short command
 * more than the rest of its start.
 */
public final class HolidayCnFormat {

    private static final JsonFactory JSON = new JsonFactory();

    private HolidayCnFormat() {
    }

    /**
     * Reads one holiday-cn year file. The stream is not closed.
     *
     * @param json the file content
     * @param sourceName where the content came from, for error messages
     * @throws ScheduleFileException if the content is not a valid holiday-cn year file
     * @throws UncheckedIOException if reading fails
     */
    public static OfficialSchedule read(InputStream json, String sourceName) {
        return readNamed(json, sourceName).schedule();
    }

    /**
     * Reads one holiday-cn year file with the names of its days. The stream is not closed.
     *
     * @param json the file content
     * @param sourceName where the content came from, for error messages
     * @throws ScheduleFileException if the content is not a valid holiday-cn year file, naming the
     *     line and column
     * @throws UncheckedIOException if reading fails
     */
    public static LoadedSchedule readNamed(InputStream json, String sourceName) {
        Objects.requireNonNull(json, "json");
        YearFile file;
        try (JsonParser parser = JSON.createParser(json)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            file = yearFile(parser, sourceName);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScheduleFileException(sourceName, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "not a holiday-cn year file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + sourceName, e);
        }
        if (file == null || file.year() == null || file.days() == null) {
            throw new ScheduleFileException(sourceName, 1, 1, "not a holiday-cn year file: 'year' and 'days' are required");
        }
        Map<LocalDate, Boolean> offByDate = new HashMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        for (DayEntry entry : file.days()) {
            Boolean previous = offByDate.putIfAbsent(entry.date(), entry.offDay());
            if (previous != null && !previous.equals(entry.offDay())) {
                throw new ScheduleFileException(sourceName, entry.line(), entry.column(),
                        entry.date() + " is listed both as a day off and as a working day");
            }
            if (entry.name() != null) {
                names.putIfAbsent(entry.date(), entry.name());
            }
        }
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> makeupWorkdays = new HashSet<>();
        for (Map.Entry<LocalDate, Boolean> day : offByDate.entrySet()) {
            (day.getValue() ? daysOff : makeupWorkdays).add(day.getKey());
        }
        return new LoadedSchedule(new OfficialSchedule(file.year(), daysOff, makeupWorkdays), names);
    }

    /** The year file the parser is at; null for a JSON null. */
    private static YearFile yearFile(JsonParser parser, String sourceName) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, first, JsonToken.START_OBJECT, "the file");
        Integer year = null;
        List<DayEntry> days = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("year") && value != JsonToken.VALUE_NULL) {
                expect(parser, value, JsonToken.VALUE_NUMBER_INT, "'year'");
                year = parser.getIntValue();
            } else if (name.equals("days") && value != JsonToken.VALUE_NULL) {
                days = days(parser, value, sourceName);
            } else {
                parser.skipChildren();
            }
        }
        return new YearFile(year, days);
    }

    private static List<DayEntry> days(JsonParser parser, JsonToken start, String sourceName) throws IOException {
        expect(parser, start, JsonToken.START_ARRAY, "'days'");
        List<DayEntry> days = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            days.add(day(parser, t, sourceName));
        }
        return days;
    }

    private static DayEntry day(JsonParser parser, JsonToken start, String sourceName) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        expect(parser, start, JsonToken.START_OBJECT, "an entry of 'days'");
        String name = null;
        String date = null;
        Boolean offDay = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "name" -> name = text(parser, value, "'name'");
                case "date" -> date = text(parser, value, "'date'");
                case "isOffDay" -> offDay = flag(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (date == null || offDay == null) {
            throw new ScheduleFileException(sourceName, at.getLineNr(), at.getColumnNr(),
                    "every entry of 'days' needs 'date' and 'isOffDay'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ScheduleFileException(sourceName, at.getLineNr(), at.getColumnNr(),
                    "'" + date + "' is not a date of the form yyyy-MM-dd");
        }
        return new DayEntry(name, day, offDay, at.getLineNr(), at.getColumnNr());
    }

    private static String text(JsonParser parser, JsonToken value, String what) throws IOException {
        expect(parser, value, JsonToken.VALUE_STRING, what);
        return parser.getText();
    }

    private static Boolean flag(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "'isOffDay' must be true or false");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what)
            throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser,
                    what + " must be " + describe(expected) + ", found " + actual);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT -> "an integer";
            default -> "a string";
        };
    }

    /** The part of a holiday-cn year file that matters here. */
    record YearFile(Integer year, List<DayEntry> days) {
    }

    /** One entry of {@code days}, and where it starts. */
    record DayEntry(String name, LocalDate date, boolean offDay, int line, int column) {
    }
}
