package dev.salesflow.cli.output;

import dev.salesflow.core.model.NotifyMessage;
import dev.salesflow.core.model.NotifyNotice;
import dev.salesflow.core.model.NotifyReport;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** The report as one JSON object: {@code dry_run}, {@code any_breached}, {@code messages}. */
  public static void json(PrintWriter out, NotifyReport report, ZoneId zone) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dry_run", report.dryRun());
    root.put("any_breached", report.anyBreached());
    List<Map<String, Object>> messages = new ArrayList<>();
    for (NotifyMessage m : report.messages()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("recipient", m.recipient());
      o.put("email", m.email());
      o.put("language", m.language());
      o.put("channels", m.channels());
      o.put("sent", !report.dryRun() && m.failure() == null);
      o.put("failure", m.failure());
      o.put("subject", m.subject());
      o.put("body", m.body());
      List<Map<String, Object>> notices = new ArrayList<>();
      for (NotifyNotice n : m.notices()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", n.caseId());
        row.put("rule", n.rule());
        row.put("owner", n.owner());
        row.put("level", n.level());
        row.put("state", n.state().name().toLowerCase(Locale.ROOT));
        row.put("started_at", n.clockStart().atZone(zone).toOffsetDateTime().toString());
        row.put("due_at", n.dueAt().atZone(zone).toOffsetDateTime().toString());
        row.put("overdue_by", CaseOutput.humanDuration(n.overdueBy()));
        notices.add(row);
      }
      o.put("notices", notices);
      messages.add(o);
    }
    root.put("messages", messages);
    out.println(CaseOutput.json(root));
  }
}
