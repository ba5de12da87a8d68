package dev.salesflow.core.notify;

import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.NotifyNotice;
import dev.salesflow.core.team.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The subject and plain-text body of one person's message, in English or Chinese. */
final class MessageText {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;
  private final Map<String, Labels> ruleLabels;

  MessageText(ZoneId zone, Map<String, Labels> ruleLabels) {
    this.zone = zone;
    this.ruleLabels = ruleLabels;
  }

  static String language(Person p) {
    return "zh".equals(p.language()) ? "zh" : "en";
  }

  String subject(Person to, List<NotifyNotice> notices) {
    boolean zh = "zh".equals(language(to));
    long breached = count(notices, n -> n.level() == 1);
    long soon = count(notices, n -> n.level() == 0);
    long escalated = count(notices, n -> n.level() >= 2);
    StringBuilder s = new StringBuilder("[salesflow] ");
    String sep = "";
    if (breached > 0) {
      s.append(zh ? breached + " 项跟进已超时" : breached + (breached == 1 ? " follow-up breached" : " follow-ups breached"));
      sep = zh ? "，" : ", ";
    }
    if (soon > 0) {
      s.append(sep).append(zh ? soon + " 项即将到期" : soon + " due soon");
      sep = zh ? "，" : ", ";
    }
    if (escalated > 0) {
      s.append(sep).append(zh ? escalated + " 项超时跟进升级给您" : escalated + " escalated to you");
    }
    return s.toString();
  }

  String body(Person to, List<NotifyNotice> notices, Instant now) {
    boolean zh = "zh".equals(language(to));
    String name = to.name() != null ? to.name() : to.id();
    StringBuilder b = new StringBuilder(zh ? name + "，您好：\n" : "Hello " + name + ",\n");
    section(b, zh ? "已超时：" : "Breached (past their deadline):", notices, n -> n.level() == 1, zh);
    section(b, zh ? "即将到期：" : "Due soon:", notices, n -> n.level() == 0, zh);
    section(b, zh ? "升级给您（超时已超过规则允许的时间）：" : "Escalated to you (breached for longer than their rule allows):",
        notices, n -> n.level() >= 2, zh);
    b.append('\n').append(zh ? "—— salesflow notify，" : "-- salesflow notify, ")
        .append(WHEN.format(now.atZone(zone))).append(" (").append(zone.getId()).append(")\n");
    return b.toString();
  }

  private void section(StringBuilder b, String title, List<NotifyNotice> notices, Predicate<NotifyNotice> which, boolean zh) {
    List<NotifyNotice> these = notices.stream().filter(which).toList();
    if (these.isEmpty()) {
      return;
    }
    b.append('\n').append(title).append('\n');
    for (NotifyNotice n : these) {
      Labels label = ruleLabels.get(n.rule());
      String ruleName = label == null || label.in(zh ? "zh" : "en") == null ? n.rule() : label.in(zh ? "zh" : "en") + " (" + n.rule() + ")";
      b.append("  - ").append(n.caseId());
      if (n.company() != null) {
        b.append(' ').append(n.company());
      }
      b.append(" · ").append(ruleName).append(" · ").append(zh ? "截止 " : "due ").append(WHEN.format(n.dueAt().atZone(zone)));
      if (!n.overdueBy().isZero()) {
        b.append(" · ").append(zh ? "已超时 " + span(n.overdueBy(), true) : span(n.overdueBy(), false) + " overdue");
      }
      if (n.level() >= 2) {
        b.append(" · ").append(zh ? "负责人 " : "owner ").append(n.owner())
            .append(zh ? "（第 " + (n.level() - 1) + " 级升级）" : " (escalation level " + (n.level() - 1) + ")");
      }
      b.append('\n');
    }
  }

  static String span(Duration d, boolean zh) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    StringBuilder s = new StringBuilder();
    if (days > 0) {
      s.append(days).append(zh ? "天" : "d ");
    }
    if (hours > 0 || days > 0) {
      s.append(hours).append(zh ? "小时" : "h ");
    }
    if (days == 0) {
      s.append(minutes).append(zh ? "分钟" : "m");
    }
    return s.toString().trim();
  }

  private static long count(List<NotifyNotice> notices, Predicate<NotifyNotice> which) {
    return notices.stream().filter(which).count();
  }
}
