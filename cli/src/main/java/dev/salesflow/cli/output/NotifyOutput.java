package dev.salesflow.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.NotifyMessage;
import dev.salesflow.core.model.NotifyNotice;
import dev.salesflow.core.model.NotifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * {@code notify}'s output: per recipient exactly what is (or, in a dry run, would be) sent, and
 * each failure. No secret reaches a message: channels are named by kind, never by URL.
 */
public final class NotifyOutput {
  private NotifyOutput() {}

  /** The messages as text: a header per recipient, then the subject and body as sent. */
  public static void text(PrintWriter out, NotifyReport report) {
    for (NotifyMessage m : report.messages()) {
      String status = m.failure() != null ? "NOT SENT" : report.dryRun() ? "would send" : "sent";
      out.println("=== " + m.recipient() + (m.email() == null ? "" : " <" + m.email() + ">") + " [" + m.language() + "] via "
          + (m.channels().isEmpty() ? "(no channel)" : String.join(", ", m.channels())) + ": " + status);
      out.println("Subject: " + m.subject());
      out.println();
      out.print(m.body());
      out.println();
    }
  }

  /** On stderr: each message not sent and why, or that there was nothing to send. */
  public static void problems(PrintWriter err, NotifyReport report, boolean quiet) {
    for (NotifyMessage m : report.messages()) {
      if (m.failure() != null) {
        err.println("salesflow: notify: not sent to " + m.recipient() + ": " + m.failure()
            + " (not recorded as sent: the next run tries again)");
      }
    }
    if (!quiet && report.messages().isEmpty()) {
      err.println(report.anyBreached() ? "salesflow: notify: nothing new to tell (every breached follow-up was already notified)"
          : "salesflow: notify: nothing breached or due soon");
    }
  }

  /**
   * The report as one JSON object: {@code dry_run}, {@code any_breached}, {@code messages}, and
   * {@code calendar_fallback} when the deadlines needed a year of {@code sources}. Written
   * with Jackson's streaming generator: databind's start-up would cost more than notify's own work.
   */
  public static void json(PrintWriter out, NotifyReport report, ZoneId zone, Map<Integer, CalendarSource> sources) {
    try {
      JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeBooleanField("dry_run", report.dryRun());
      g.writeBooleanField("any_breached", report.anyBreached());
      g.writeArrayFieldStart("messages");
      for (NotifyMessage m : report.messages()) {
        g.writeStartObject();
        g.writeStringField("recipient", m.recipient());
        g.writeStringField("email", m.email());
        g.writeStringField("language", m.language());
        g.writeArrayFieldStart("channels");
        for (String c : m.channels()) {
          g.writeString(c);
        }
        g.writeEndArray();
        g.writeBooleanField("sent", !report.dryRun() && m.failure() == null);
        g.writeStringField("failure", m.failure());
        g.writeStringField("subject", m.subject());
        g.writeStringField("body", m.body());
        g.writeArrayFieldStart("notices");
        for (NotifyNotice n : m.notices()) {
          g.writeStartObject();
          g.writeStringField("case", n.caseId());
          g.writeStringField("rule", n.rule());
          g.writeStringField("owner", n.owner());
          g.writeNumberField("level", n.level());
          g.writeStringField("state", n.state().name().toLowerCase(Locale.ROOT));
          g.writeStringField("started_at", n.clockStart().atZone(zone).toOffsetDateTime().toString());
          g.writeStringField("due_at", n.dueAt().atZone(zone).toOffsetDateTime().toString());
          g.writeStringField("overdue_by", n.overdueBy().isZero() ? null : CaseOutput.humanDuration(n.overdueBy()));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!sources.isEmpty()) {
        g.writeArrayFieldStart("calendar_fallback");
        for (Map.Entry<Integer, CalendarSource> year : sources.entrySet()) { // as CalendarOutput#fallback lays it out
          g.writeStartObject();
          g.writeNumberField("year", year.getKey());
          g.writeStringField("source", CalendarOutput.key(year.getValue()));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
