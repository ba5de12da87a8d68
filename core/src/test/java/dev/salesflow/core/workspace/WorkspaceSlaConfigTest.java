package dev.salesflow.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.Calendars;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.calendar.WorkingInterval;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.sla.ClockStart;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code calendar:} and {@code sla:} settings of salesflow.yaml, read through
 * {@link Workspace#open(Path)}. Due times are worked out by hand on the 2026 calendar: Oct 1-7
 * off and Sat Oct 10 worked (National Day); Nov 2026 has no holidays, Nov 6 is a Friday.
 */
class WorkspaceSlaConfigTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir Path dir;

  private Workspace open(String salesflowYaml) throws IOException {
    write("salesflow.yaml", salesflowYaml);
    return Workspace.open(dir);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The single diagnostic of the configuration error that opening the workspace raises. */
  private Diagnostic refused(String salesflowYaml) throws IOException {
    write("salesflow.yaml", salesflowYaml);
    DiagnosticsException e = catchThrowableOfType(DiagnosticsException.class, () -> Workspace.open(dir));
    assertThat(e).as("opening should fail with a DiagnosticsException").isNotNull();
    assertThat(e.kind()).isEqualTo(DiagnosticsException.Kind.CONFIGURATION);
    assertThat(e.diagnostics()).hasSize(1);
    return e.diagnostics().get(0);
  }

  private static Instant sh(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  private static OffsetDateTime at(String local) {
    return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  /** A case registered at {@code registered} with nothing recorded since. */
  private static Case registered(Priority priority, String registered) {
    Customer customer = new Customer("苏州精工机械有限公司", "manufacturing", null,
        new Contact("王磊", "采购经理", "+86 512 5555 0101", null));
    return new Case("SF-2026-001", customer, "exhibition", priority, "zhang.wei", at(registered), "配件", List.of());
  }

  /** The due time of the only clock of {@code rule} for {@code c}. */
  private static Instant due(Workspace ws, String rule, Case c) {
    SlaEngine engine = ws.slaEngine();
    ClockSheet sheet = engine.clocks(c, ws.stateMachine().replay(c), c.registeredAt().toInstant(), Duration.ZERO);
    List<SlaClock> clocks = sheet.clocks().stream().filter(k -> k.rule().equals(rule)).toList();
    assertThat(clocks).hasSize(1);
    return clocks.get(0).dueAt();
  }

  // ---------------------------------------------------------------- calendars

  @Test
  void withoutACalendarSettingTheCalendarIsCnInTheWorkspaceZone() throws IOException {
    Workspace ws = open("approval_threshold: 500000\n");
    assertThat(ws.calendar()).isEqualTo(Calendars.cn(SHANGHAI));
    assertThat(ws.calendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(ws.calendar().isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
  }

  @Test
  void anEmptySettingsFileGivesTheCnCalendar() throws IOException {
    Workspace ws = open("");
    assertThat(ws.calendar()).isEqualTo(Calendars.cn(SHANGHAI));
  }

  @Test
  void theCalendarIsReadInTheWorkspaceTimezone() throws IOException {
    Workspace ws = open("timezone: Europe/Berlin\ncalendar: cn\n");
    assertThat(ws.calendar()).isEqualTo(Calendars.cn(ZoneId.of("Europe/Berlin")));
  }

  @Test
  void weeklyCalendarHasNoHolidays() throws IOException {
    Workspace ws = open("calendar: weekly\n");
    assertThat(ws.calendar()).isEqualTo(Calendars.weekly(SHANGHAI));
    // Thu 2026-10-01 is a plain Thursday on the weekly calendar.
    assertThat(ws.calendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    // first-contact A registered Wed Sep 30 16:00: the next working day is Thu Oct 1 (cn: Oct 8).
    assertThat(due(ws, "first-contact", registered(Priority.A, "2026-09-30T16:00")))
        .isEqualTo(sh("2026-10-01T23:59:59"));
  }

  @Test
  void aMapExtendingCnAddsHolidaysWorkdaysAndWorkingHours() throws IOException {
    Workspace ws = open("""
        timezone: Asia/Shanghai
        calendar:
          extends: cn
          working_hours: ["08:00-12:00", "13:00-17:00"]
          holidays: [2026-11-10]
          workdays: [2026-11-07]
        sla:
          - id: callback
            start: registered
            stop: contacted
            target: 2 business hours
        """);
    BusinessCalendar cal = ws.calendar();
    assertThat(cal.workingHours()).containsExactly(
        WorkingInterval.parse("08:00-12:00"), WorkingInterval.parse("13:00-17:00"));
    // Still cn underneath: National Day off, its makeup Saturday worked, 2026 known.
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(cal.knowsYear(2026)).isTrue();
    // A registered Fri Nov 6: the extra workday Sat Nov 7 is the next working day (cn: Mon Nov 9).
    assertThat(due(ws, "first-contact", registered(Priority.A, "2026-11-06T10:00")))
        .isEqualTo(sh("2026-11-07T23:59:59"));
    // A registered Mon Nov 9: Tue Nov 10 is now a holiday, so Wed Nov 11 (cn: Nov 10).
    assertThat(due(ws, "first-contact", registered(Priority.A, "2026-11-09T10:00")))
        .isEqualTo(sh("2026-11-11T23:59:59"));
    // 2 business hours from Mon Nov 16 17:30: closed at 17:00, so Tue 08:00 + 2h = 10:00
    // (with the default 18:00 close it would be 30 min on Monday + 1.5h from 09:00 = 10:30).
    assertThat(due(ws, "callback", registered(Priority.B, "2026-11-16T17:30")))
        .isEqualTo(sh("2026-11-17T10:00"));
  }

  @Test
  void aMapWithoutExtendsIsAPlainWeekWithoutCnHolidays() throws IOException {
    Workspace ws = open("""
        calendar:
          holidays: [2026-12-24]
        """);
    BusinessCalendar cal = ws.calendar();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse(); // a plain Saturday
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(cal.holidays()).containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(cal.makeupWorkdays()).isEmpty();
    assertThat(cal.knownYears()).isEmpty();
    assertThat(cal.workingHours()).isEqualTo(BusinessCalendar.DEFAULT_WORKING_HOURS);
  }

  @Test
  void aCalendarFileHoldsTheMap() throws IOException {
    write("my-cal.yaml", """
        extends: cn
        holidays:
          - 2026-11-10
        """);
    Workspace ws = open("calendar: my-cal.yaml\n");
    assertThat(ws.calendar()).isEqualTo(Calendars.cn(SHANGHAI).withHolidays(List.of(LocalDate.of(2026, 11, 10))));
    // A registered Mon Nov 9: Tue Nov 10 is off, so Wed Nov 11.
    assertThat(due(ws, "first-contact", registered(Priority.A, "2026-11-09T10:00")))
        .isEqualTo(sh("2026-11-11T23:59:59"));
  }

  // ---------------------------------------------------------------- rules

  @Test
  void overridingARuleByIdChangesOnlyTheFieldsItSets() throws IOException {
    SlaRule original = ProcessLoader.defaultProcess().slaRule("needs-record").orElseThrow();
    Workspace ws = open("""
        sla:
          - {id: needs-record, target: 12h}
        """);
    SlaRule rule = ws.process().slaRule("needs-record").orElseThrow();
    assertThat(rule.target()).isEqualTo(Target.parse("12h"));
    assertThat(rule.labels()).isEqualTo(original.labels());
    assertThat(rule.start()).isEqualTo(new ClockStart.OnEvent("meeting"));
    assertThat(rule.stop()).containsExactly("requirements_recorded");
    assertThat(rule.during()).containsExactly("lead", "needs");
    assertThat(rule.warnBefore()).isEqualTo(Duration.ofHours(4));
    assertThat(rule).isEqualTo(new SlaRule(original.id(), original.labels(), original.start(), original.stop(),
        original.match(), Target.parse("12h"), original.targets(), original.warnBefore(), original.whileStage(),
        original.every(), original.during()));
    // Same rules in the same order; the others untouched.
    assertThat(ws.process().sla()).extracting(SlaRule::id)
        .containsExactlyElementsOf(ProcessLoader.defaultProcess().sla().stream().map(SlaRule::id).toList());
    for (SlaRule other : ProcessLoader.defaultProcess().sla()) {
      if (!other.id().equals("needs-record")) {
        assertThat(ws.process().slaRule(other.id())).contains(other);
      }
    }
    assertThat(ws.slaEngine().rules()).isEqualTo(ws.process().sla());
  }

  @Test
  void overridingPerPriorityTargetsKeepsTheRest() throws IOException {
    Workspace ws = open("""
        sla:
          - id: first-contact
            targets: {A: 4h, B: 2 working days, C: 5 working days}
            warn_before: 1h
        """);
    SlaRule rule = ws.process().slaRule("first-contact").orElseThrow();
    assertThat(rule.targetFor(Priority.A)).isEqualTo(Target.parse("4h"));
    assertThat(rule.targetFor(Priority.B)).isEqualTo(Target.parse("2 working days"));
    assertThat(rule.warnBefore()).isEqualTo(Duration.ofHours(1));
    assertThat(rule.start()).isEqualTo(new ClockStart.Registered());
    assertThat(rule.stop()).containsExactly("contacted", "meeting");
    // A registered Mon Nov 9 10:00 + 4h.
    assertThat(due(ws, "first-contact", registered(Priority.A, "2026-11-09T10:00")))
        .isEqualTo(sh("2026-11-09T14:00"));
  }

  @Test
  void overridingOnePriorityKeepsTheOtherPriorities() throws IOException {
    Workspace ws = open("""
        sla:
          - {id: first-contact, targets: {A: 4h}}
        """);
    SlaRule rule = ws.process().slaRule("first-contact").orElseThrow();
    assertThat(rule.targetFor(Priority.A)).isEqualTo(Target.parse("4h"));
    assertThat(rule.targetFor(Priority.B)).isEqualTo(Target.parse("3 working days"));
    assertThat(rule.targetFor(Priority.C)).isEqualTo(Target.parse("7 working days"));
  }

  @Test
  void aPlainTargetOverridingPerPriorityTargetsAppliesToEveryPriority() throws IOException {
    Workspace ws = open("""
        sla:
          - {id: first-contact, target: 2h}
        """);
    SlaRule rule = ws.process().slaRule("first-contact").orElseThrow();
    for (Priority p : Priority.values()) {
      assertThat(rule.targetFor(p)).as("priority %s", p).isEqualTo(Target.parse("2h"));
    }
  }

  @Test
  void builtInCalendarNamesIgnoreCase() throws IOException {
    assertThat(open("calendar: CN\n").calendar()).isEqualTo(open("calendar: cn\n").calendar());
  }

  @Test
  void aNewRuleIsAddedAfterTheDefaults() throws IOException {
    Workspace ws = open("""
        sla:
          - id: contract-review
            labels: {en: Contract reviewed within 2 working days, zh: 合同2个工作日内审核}
            start: negotiation_prepared
            stop: contract_reviewed
            target: 2 working days
            warn_before: 4h
        """);
    List<SlaRule> rules = ws.process().sla();
    assertThat(rules).hasSize(ProcessLoader.defaultProcess().sla().size() + 1);
    SlaRule added = rules.get(rules.size() - 1);
    assertThat(added.id()).isEqualTo("contract-review");
    assertThat(added.start()).isEqualTo(new ClockStart.OnEvent("negotiation_prepared"));
    assertThat(added.stop()).containsExactly("contract_reviewed");
    assertThat(added.target()).isEqualTo(Target.parse("2 working days"));
    assertThat(added.labels().in("zh")).isEqualTo("合同2个工作日内审核");
    assertThat(ws.process().ruleLabel("contract-review", "en")).isEqualTo("Contract reviewed within 2 working days");
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void anUnknownTargetUnitIsRefusedAtItsLine() throws IOException {
    Diagnostic d = refused("""
        timezone: Asia/Shanghai
        sla:
          - id: needs-record
            target: 3 fortnights
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position()).isEqualTo(new SourcePosition(4, 5));
    assertThat(d.code()).isEqualTo(DiagnosticCode.BAD_VALUE);
    assertThat(d.message()).startsWith("rule needs-record: target: ").contains("3 fortnights");
  }

  @Test
  void aNegativeTargetIsRefusedAtItsLine() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: quick
            start: issue_reported
            stop: issue_responded
            target: -2h
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position()).isEqualTo(new SourcePosition(5, 5));
    assertThat(d.message()).startsWith("rule quick: target: ").contains("-2h");
  }

  @Test
  void aBadPerPriorityTargetIsRefusedAtItsLine() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: first-contact
            targets:
              A: 1 working day
              B: 0 working days
              C: 7 working days
        """);
    assertThat(d.position()).isEqualTo(new SourcePosition(5, 7));
    assertThat(d.message()).startsWith("rule first-contact: targets.B: ");
  }

  @Test
  void aBadWarnBeforeIsRefusedAtItsLine() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: needs-record
            warn_before: soon
        """);
    assertThat(d.position()).isEqualTo(new SourcePosition(3, 5));
    assertThat(d.message()).startsWith("rule needs-record: warn_before: ").contains("soon");
  }

  @Test
  void aTargetKeyThatIsNoPriorityIsRefusedAtTheKey() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: first-contact
            targets: {A: 1 working day, D: 9 working days}
        """);
    assertThat(d.position()).isEqualTo(new SourcePosition(3, 33));
    assertThat(d.message()).contains("not 'D'");
  }

  @Test
  void aBadEveryIsRefusedAtItsLine() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: progress-weekly
            every: weekly
        """);
    assertThat(d.position()).isEqualTo(new SourcePosition(3, 5));
    assertThat(d.message()).startsWith("rule progress-weekly: every: ");
  }

  @Test
  void aStartOfTheWrongShapeIsRefusedAtStart() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: needs-record
            start: {leave: needs}
        """);
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("start must be");
  }

  @Test
  void aRuleWithoutIdIsRefusedAtTheRule() throws IOException {
    Diagnostic d = refused("""
        timezone: Asia/Shanghai
        sla:
          - target: 12h
        """);
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("needs an 'id'");
  }

  @Test
  void aRuleStartingOnAnUnknownEventTypeIsRefusedAtStart() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: callback
            start: phone_call
            stop: contacted
            target: 2h
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.position().column()).isEqualTo(5);
    assertThat(d.message()).contains("phone_call").contains("start");
  }

  @Test
  void aRuleStoppingOnAnUnknownEventTypeIsRefusedAtStop() throws IOException {
    Diagnostic d = refused("""
        sla:
          - id: needs-record
            stop: [requirements_recorded, minutes_filed]
        """);
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("minutes_filed");
  }

  @Test
  void aRuleNamingAnUnknownStageIsRefusedWhereItNamesIt() throws IOException {
    Diagnostic during = refused("""
        sla:
          - id: needs-record
            target: 12h
            during: [lead, discovery]
        """);
    assertThat(during.position().line()).isEqualTo(4);
    assertThat(during.message()).contains("discovery");

    Diagnostic enter = refused("""
        sla:
          - id: onboarding
            start: {enter: onboarding}
            stop: after_sales_contact
            target: 1 day
        """);
    assertThat(enter.position().line()).isEqualTo(3);
    assertThat(enter.message()).contains("onboarding");

    Diagnostic whileStage = refused("""
        sla:
          - id: weekly-call
            stop: contacted
            while: shipping
            every: 7 days
        """);
    assertThat(whileStage.position().line()).isEqualTo(4);
    assertThat(whileStage.message()).contains("shipping");
  }

  @Test
  void anUnknownTopLevelKeyIsRefusedListingTheKnownKeys() throws IOException {
    Diagnostic d = refused("""
        timezone: Asia/Shanghai
        calender: cn
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(2);
    assertThat(d.message()).contains("calender")
        .contains("calendar", "timezone", "approval_threshold", "id_prefix", "process", "sla");
  }

  @Test
  void anUnknownCalendarNameIsRefused() throws IOException {
    Diagnostic d = refused("""
        timezone: Asia/Shanghai
        calendar: mars
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(2);
    assertThat(d.message()).contains("mars").contains("cn").contains("weekly");
  }

  @Test
  void anUnknownBaseCalendarIsRefusedAtExtends() throws IOException {
    Diagnostic d = refused("""
        calendar:
          holidays: [2026-12-24]
          extends: us
        """);
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("us");
  }

  @Test
  void anUnknownTimezoneIsRefused() throws IOException {
    Diagnostic d = refused("""
        calendar: cn
        timezone: Mars/Base
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(2);
    assertThat(d.message()).contains("Mars/Base");
  }

  @Test
  void anUnparseableHolidayIsRefusedAtItsItem() throws IOException {
    Diagnostic d = refused("""
        calendar:
          extends: cn
          holidays:
            - 2026-12-24
            - 2026-13-01
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(5);
    assertThat(d.message()).contains("2026-13-01");
  }

  @Test
  void anUnparseableWorkdayIsRefusedAtItsItem() throws IOException {
    Diagnostic d = refused("""
        calendar:
          extends: cn
          workdays: [2026-12-26, next saturday]
        """);
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("next saturday");
  }

  @Test
  void overlappingWorkingHoursAreRefused() throws IOException {
    Diagnostic d = refused("""
        calendar:
          extends: cn
          working_hours:
            - "09:00-12:30"
            - "12:00-18:00"
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("overlap");
  }

  @Test
  void aBadDateInACalendarFileIsReportedInThatFile() throws IOException {
    write("my-cal.yaml", """
        extends: cn
        holidays:
          - 2026-02-30
        """);
    Diagnostic d = refused("calendar: my-cal.yaml\n");
    assertThat(d.file()).isEqualTo(dir.resolve("my-cal.yaml"));
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("2026-02-30");
  }

  @Test
  void aMissingCalendarFileIsRefused() throws IOException {
    Diagnostic d = refused("""
        timezone: Asia/Shanghai
        calendar: nowhere.yaml
        """);
    assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(d.position().line()).isEqualTo(2);
    assertThat(d.message()).contains("nowhere.yaml");
  }
}
