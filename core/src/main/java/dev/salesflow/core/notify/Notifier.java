package dev.salesflow.core.notify;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.NotifyMessage;
import dev.salesflow.core.model.NotifyNotice;
import dev.salesflow.core.model.NotifyReport;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.store.SentLog;
import dev.salesflow.core.store.SentNotice;
import dev.salesflow.core.team.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each person one message of what they have not been told yet, and records each delivered
 * message's notices in the sent-log right after it went out: a message that fails on any channel
 * (after bounded retries) stays out of the log, so the next run sends it again, while the others
 * still go out.
 */
public final class Notifier {
  /** The SMTP password's environment variable. */
  public static final String SMTP_PASSWORD = "SALESFLOW_SMTP_PASSWORD";
  /** The webhook signing secret's environment variable. */
  public static final String WEBHOOK_SECRET = "SALESFLOW_WEBHOOK_SECRET";
  private static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofMillis(250);

  private final NoticePlanner planner;
  private final MessageText text;
  private final List<Channel> channels = new ArrayList<>();

  /**
   * @param env where {@link #SMTP_PASSWORD} and {@link #WEBHOOK_SECRET} are read
   */
  public Notifier(NotifySettings settings, Team team, List<SlaRule> rules, BusinessCalendar calendar, Map<String, String> env) {
    this.planner = new NoticePlanner(team, rules, calendar);
    Map<String, Labels> labels = new HashMap<>();
    rules.forEach(r -> labels.putIfAbsent(r.id(), r.labels()));
    this.text = new MessageText(calendar.zone(), labels);
    if (settings.email() != null) {
      channels.add(new SmtpChannel(settings.email(), env.get(SMTP_PASSWORD)));
    }
    if (settings.webhook() != null) {
      channels.add(new WebhookChannel(settings.webhook(), env.get(WEBHOOK_SECRET), Clock.systemUTC()));
    }
  }

  /**
   * Tells everyone what {@code overdue} holds and {@code log} does not.
   *
   * @throws InvalidRequestException when no channel is configured and this is not a dry run
   */
  public NotifyReport run(OverdueReport overdue, Instant now, SentLog log, boolean dryRun) {
    if (!dryRun && channels.isEmpty()) {
      throw new InvalidRequestException("notify has no channel: set notify: {email: {host, port, from, tls, user}}"
          + " and/or notify: {webhook: {kind, url}} in salesflow.yaml (or use --dry-run)");
    }
    List<NotifyMessage> messages = new ArrayList<>();
    for (NoticePlanner.Planned p : planner.plan(overdue.items(), now, log.sent())) {
      List<Channel> reaching = channels.stream().filter(c -> c.reaches(p.recipient().email())).toList();
      NotifyMessage message = new NotifyMessage(p.recipient().id(), p.recipient().email(),
          MessageText.language(p.recipient()), reaching.stream().map(Channel::name).toList(),
          text.subject(p.recipient(), p.notices()), text.body(p.recipient(), p.notices(), now), p.notices(), null);
      if (!dryRun) {
        message = deliver(message, reaching, log);
      }
      messages.add(message);
    }
    return new NotifyReport(dryRun, messages, overdue.anyBreached(), overdue.unknownYears());
  }

  private NotifyMessage deliver(NotifyMessage message, List<Channel> reaching, SentLog log) {
    if (reaching.isEmpty()) {
      return message.failed("no channel reaches " + message.recipient() + ": no e-mail address in the team file"
          + " and no webhook configured");
    }
    List<String> problems = new ArrayList<>();
    for (Channel channel : reaching) {
      try {
        channel.sendRetrying(message, ATTEMPTS, BACKOFF);
      } catch (DeliveryException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return message.failed(String.join("; ", problems));
    }
    List<SentNotice> keys = new ArrayList<>();
    for (NotifyNotice n : message.notices()) {
      keys.add(NoticePlanner.key(n, message.recipient()));
    }
    log.record(keys);
    return message;
  }
}
