package dev.salesflow.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.Timestamps;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns cases into the stable structures of json and yaml output, and into text. */
public final class CaseOutput {
  private CaseOutput() {}

  /** The JSON mapper, made on first use: text output never starts Jackson. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The YAML mapper, made on first use. */
  private static final class Yaml {
    static final YAMLMapper MAPPER = YAMLMapper.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .build();
  }

  public static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String yaml(Object value) {
    try {
      return Yaml.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything {@code show} prints: the registration, stage, history and events. */
  public static Map<String, Object> detail(CaseView view, List<dev.salesflow.core.model.SlaClock> clocks, ZoneId zone) {
    Case c = view.value();
    Map<String, Object> m = summary(view, zone);
    m.put("source", c.source());
    m.put("registered_at", time(c.registeredAt(), zone));
    m.put("needs", c.need());
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", c.customer().contact().name());
    contact.put("title", c.customer().contact().title());
    contact.put("phone", c.customer().contact().phone());
    contact.put("email", c.customer().contact().email());
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("company", c.customer().company());
    customer.put("industry", c.customer().industry());
    customer.put("size", c.customer().size());
    customer.put("contact", contact);
    m.put("customer", customer);
    List<Map<String, Object>> history = new ArrayList<>();
    for (var v : view.replay().visits()) {
      Map<String, Object> visit = new LinkedHashMap<>();
      visit.put("stage", v.stage());
      visit.put("at", time(v.at(), zone));
      history.add(visit);
    }
    m.put("history", history);
    Event opened = c.opening().orElse(null);
    if (opened != null) {
      m.put("imported", imported(opened, zone));
    }
    List<Map<String, Object>> events = new ArrayList<>(c.events().size());
    for (Event e : c.events()) {
      events.add(event(e, zone));
    }
    m.put("events", events);
    m.put("clocks", clocks(clocks, zone));
    Replay.Violation v = view.replay().illegal().orElse(null);
    if (v != null) {
      Map<String, Object> illegal = new LinkedHashMap<>();
      illegal.put("event", v.eventIndex() + 1);
      illegal.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
      illegal.put("problems", v.problems());
      m.put("illegal", illegal);
    }
    return m;
  }

  /** How an imported case was opened: when, in which stage, from which system. */
  private static Map<String, Object> imported(Event opened, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", time(opened.at(), zone));
    m.put("stage", opened.field("to").orElse(null));
    m.put("source", opened.field("source").orElse(null));
    return m;
  }

  /** One row of {@code list}. */
  public static Map<String, Object> summary(CaseView view, ZoneId zone) {
    return summary(CaseStanding.of(view), zone);
  }

  public static Map<String, Object> summary(CaseStanding standing, ZoneId zone) {
    Case c = standing.value();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("stage", standing.stage());
    m.put("stage_since", time(standing.since(), zone));
    m.put("priority", c.priority() == null ? null : c.priority().name());
    m.put("owner", c.owner());
    m.put("company", c.customer().company());
    return m;
  }

  public static Map<String, Object> event(Event e, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", time(e.at(), zone));
    m.put("type", e.type());
    if (e.by() != null) {
      m.put("by", e.by());
    }
    m.putAll(e.fields());
    if (e.note() != null) {
      m.put("note", e.note());
    }
    return m;
  }

  /** ISO-8601 with offset, in the workspace zone, so output is the same whatever was written. */
  public static String time(OffsetDateTime at, ZoneId zone) {
    return at == null ? null : Timestamps.format(at.atZoneSameInstant(zone).toOffsetDateTime());
  }

  public static String shortTime(OffsetDateTime at, ZoneId zone) {
    return at == null ? "-" : shortTime(at.atZoneSameInstant(zone).toOffsetDateTime());
  }

  /** CSV ({@link CsvWriter}) with a header of {@code columns}, rows written as {@code producer} hands them over. */
  public static void streamCsv(java.io.PrintWriter out, List<String> columns,
      java.util.function.Consumer<java.util.function.Consumer<Map<String, Object>>> producer) {
    CsvWriter csv = new CsvWriter(out, columns);
    producer.accept(row -> csv.row(columns.stream().map(row::get).toList()));
    csv.flush();
  }

  /** CSV ({@link CsvWriter}) of {@code rows} with a header of {@code columns}. */
  static String csv(List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder s = new StringBuilder();
    CsvWriter csv = new CsvWriter(s, columns);
    for (Map<String, Object> row : rows) {
      csv.row(columns.stream().map(row::get).toList());
    }
    return s.toString();
  }

  /** {@link #humanDuration(java.time.Duration)} in {@code lang}: in Chinese {@code 2天4小时}, {@code 8小时30分}, {@code 45分}. */
  public static String humanDuration(java.time.Duration d, String lang) {
    String english = humanDuration(d);
    return "zh".equals(lang)
        ? english.replace(" ", "").replace("d", "天").replace("h", "小时").replace("m", "分")
        : english;
  }

  /** A rough length for people, in whole minutes (at least one): {@code 2d 4h}, {@code 3h 20m}, {@code 45m}. */
  public static String humanDuration(java.time.Duration d) {
    long minutes = Math.max(1, d.toSeconds() / 60);
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (mins > 0 ? " " + mins + "m" : "");
    }
    return mins + "m";
  }

  /** The clocks of {@code show}: rule, key, start, due, stop and state. */
  static List<Map<String, Object>> clocks(List<dev.salesflow.core.model.SlaClock> clocks, ZoneId zone) {
    List<Map<String, Object>> rows = new ArrayList<>(clocks.size());
    for (dev.salesflow.core.model.SlaClock c : clocks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", c.rule());
      if (c.key() != null) {
        m.put("key", c.key());
      }
      m.put("started_at", time(c.startedAt(), zone));
      m.put("due_at", time(c.dueAt(), zone));
      m.put("stopped_at", c.stoppedAt() == null ? null : time(c.stoppedAt(), zone));
      m.put("state", c.state().label());
      rows.add(m);
    }
    return rows;
  }

  public static String time(java.time.Instant at, ZoneId zone) {
    return at == null ? null : Timestamps.format(at.atZone(zone).toOffsetDateTime());
  }

  public static String shortTime(java.time.Instant at, ZoneId zone) {
    return at == null ? "-" : shortTime(at.atZone(zone).toOffsetDateTime());
  }

  /**
   * {@code yyyy-MM-dd HH:mm} of a local time: the date and minute of {@link Timestamps#format},
   * whose common case needs no formatter (a formatter costs a command that has just started more
   * than its whole text output).
   */
  public static String shortTime(OffsetDateTime local) {
    if (local.getYear() < 1 || local.getYear() > 9999) {
      return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(local);
    }
    String written = Timestamps.format(local.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    return written.substring(0, 10) + ' ' + written.substring(11, 16);
  }

  public static List<String> listColumns() {
    return List.of("id", "stage", "stage_since", "priority", "owner", "company");
  }

  public static String illegalLine(Replay replay) {
    Replay.Violation v = replay.illegal().orElse(null);
    return v == null ? null : "event #" + (v.eventIndex() + 1) + " is illegal: " + v.message();
  }
}
