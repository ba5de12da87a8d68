package dev.salesflow.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.calendar.Calendars;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SLA clocks of the default process's rules on the real {@code cn} calendar in Asia/Shanghai
 * (UTC+8, no DST). Every expected instant is worked out by hand from the 2026 schedule:
 *
 * <ul>
 *   <li>Sep 2026: Sun Sep 20 is a makeup working day; Fri Sep 25 - Sun Sep 27 are off (Mid-Autumn).
 *   <li>Oct 2026: Thu Oct 1 - Wed Oct 7 are off (National Day); Sat Oct 10 is a makeup working day.
 *   <li>Nov/Dec 2026: no holidays; Nov 2, 9, 16 are Mondays; Dec 23 is a Wednesday.
 *   <li>2027 is not a known year: only the Mon-Fri pattern applies (Fri Jan 1 2027 counts as worked).
 * </ul>
 *
 * <p>Day targets fall due at 23:59:59 local time; {@code N working days} counts working days
 * strictly after the start's local date.
 */
class SlaEngineTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ProcessDefinition PROCESS = ProcessLoader.defaultProcess();
  private static final StateMachine MACHINE = new StateMachine(PROCESS, new BigDecimal("1000000"));
  private static final SlaEngine ENGINE = new SlaEngine(PROCESS, PROCESS.sla(), Calendars.cn(SHANGHAI));

  // ------------------------------------------------------------------ helpers

  private static OffsetDateTime t(String local) {
    return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  /** Shanghai local time as an instant. */
  private static Instant sh(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  private static CaseBuilder registered(Priority priority, String at) {
    return new CaseBuilder(priority, at);
  }

  /** Builds a case event by event; {@code then} records one minute after the previous event. */
  private static final class CaseBuilder {
    private final Priority priority;
    private final OffsetDateTime registeredAt;
    private final List<Event> events = new ArrayList<>();
    private OffsetDateTime cursor;

    CaseBuilder(Priority priority, String registeredAt) {
      this.priority = priority;
      this.registeredAt = t(registeredAt);
      this.cursor = this.registeredAt;
    }

    CaseBuilder at(String local, String type, String... fields) {
      cursor = t(local);
      return add(type, fields);
    }

    CaseBuilder then(String type, String... fields) {
      cursor = cursor.plusMinutes(1);
      return add(type, fields);
    }

    private CaseBuilder add(String type, String... fields) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        map.put(fields[i], fields[i + 1]);
      }
      events.add(new Event(cursor, type, "zhang.wei", null, map));
      return this;
    }

    /** From lead through the needs and solution stages into negotiation, minute by minute. */
    CaseBuilder leadToNegotiation() {
      return then("advance", "to", "needs")
          .then("requirements_recorded").then("requirements_confirmed").then("analysis_reported")
          .then("advance", "to", "solution")
          .then("solution_drafted").then("feasibility_checked").then("cost_checked").then("price_reviewed")
          .then("solution_reviewed", "result", "approved")
          .then("advance", "to", "negotiation");
    }

    /** What negotiation needs before delivery (an amount below the approval threshold). */
    CaseBuilder negotiationDone() {
      return then("negotiation_prepared").then("contract_reviewed").then("contract_signed", "amount", "500000");
    }

    /** Order created and reviewed, as delivery needs before after-sales. */
    CaseBuilder orderDone() {
      return then("order_created").then("order_reviewed");
    }

    /** Contacted at once, then everything up to entering delivery at {@code enterDelivery}. */
    CaseBuilder inDeliveryFrom(String enterDelivery) {
      return then("contacted").leadToNegotiation().negotiationDone()
          .at(enterDelivery, "advance", "to", "delivery").orderDone();
    }

    /** The case; its whole log must replay cleanly. */
    Case build() {
      Case c = buildAsIs();
      assertThat(MACHINE.replay(c).illegal()).as("the test case should be legal").isEmpty();
      return c;
    }

    Case buildAsIs() {
      Customer customer = new Customer("苏州精工机械有限公司", "manufacturing", null,
          new Contact("王磊", "采购经理", "+86 512 5555 0101", null));
      return new Case("SF-2026-001", customer, "exhibition", priority, "zhang.wei", registeredAt, "配件", events);
    }
  }

  private static ClockSheet sheet(Case c, String now) {
    return sheet(c, now, Duration.ZERO);
  }

  private static ClockSheet sheet(Case c, String now, Duration warnAtLeast) {
    return ENGINE.clocks(c, MACHINE.replay(c), sh(now), warnAtLeast);
  }

  private static List<SlaClock> clocks(Case c, String rule, String now) {
    return clocks(c, rule, now, Duration.ZERO);
  }

  private static List<SlaClock> clocks(Case c, String rule, String now, Duration warnAtLeast) {
    return sheet(c, now, warnAtLeast).clocks().stream().filter(k -> k.rule().equals(rule)).toList();
  }

  private static SlaClock only(Case c, String rule, String now) {
    List<SlaClock> list = clocks(c, rule, now);
    assertThat(list).as("clocks of " + rule).hasSize(1);
    return list.get(0);
  }

  private static SlaClock stopped(String rule, String key, String start, String due, String stop, String judged, ClockState state) {
    return new SlaClock(rule, key, sh(start), sh(due), sh(stop), sh(judged), state);
  }

  private static SlaClock running(String rule, String key, String start, String due, String judged, ClockState state) {
    return new SlaClock(rule, key, sh(start), sh(due), null, sh(judged), state);
  }

  // ------------------------------------------------------------------ first contact

  @Nested
  class FirstContact {

    @ParameterizedTest(name = "{0} registered {1} is due {2}")
    @CsvSource({
        // Mon Nov 2: the next working days are Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10, Wed 11.
        "A, 2026-11-02T09:30, 2026-11-03T23:59:59",
        "B, 2026-11-02T09:30, 2026-11-05T23:59:59",
        "C, 2026-11-02T09:30, 2026-11-11T23:59:59",
        // Fri Nov 6 across the weekend: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13, Mon 16, Tue 17.
        "A, 2026-11-06T17:00, 2026-11-09T23:59:59",
        "B, 2026-11-06T17:00, 2026-11-11T23:59:59",
        "C, 2026-11-06T17:00, 2026-11-17T23:59:59",
        // Late on the Friday still counts from Friday's date.
        "A, 2026-11-06T23:30, 2026-11-09T23:59:59",
        // Wed Sep 30 across National Day: Oct 1-7 off; Thu 8, Fri 9, Sat 10 (makeup), Mon 12 ... Thu 15.
        "A, 2026-09-30T10:00, 2026-10-08T23:59:59",
        "B, 2026-09-30T10:00, 2026-10-10T23:59:59",
        "C, 2026-09-30T10:00, 2026-10-15T23:59:59",
        // Registered on a holiday (Sat Oct 3): the next working day is Thu Oct 8.
        "A, 2026-10-03T10:00, 2026-10-08T23:59:59",
        // Registered on an ordinary Saturday (Sep 19): the makeup Sunday Sep 20 is the next working day.
        "A, 2026-09-19T10:00, 2026-09-20T23:59:59",
        // Registered on that makeup Sunday: the start date never counts, so Mon Sep 21.
        "A, 2026-09-20T10:00, 2026-09-21T23:59:59",
        "B, 2026-09-20T10:00, 2026-09-23T23:59:59",
    })
    void targetDependsOnPriority(Priority priority, String registeredAt, String due) {
      Case c = registered(priority, registeredAt).build();
      // Judged right at registration: running, far from due.
      assertThat(only(c, "first-contact", registeredAt))
          .isEqualTo(running("first-contact", null, registeredAt, due, registeredAt, ClockState.OPEN));
    }

    @Test
    void aMeetingStopsItToo() {
      Case c = registered(Priority.A, "2026-11-02T09:30").at("2026-11-03T20:00", "meeting").build();
      assertThat(only(c, "first-contact", "2026-11-10T00:00")).isEqualTo(stopped("first-contact", null,
          "2026-11-02T09:30", "2026-11-03T23:59:59", "2026-11-03T20:00", "2026-11-10T00:00", ClockState.MET));
    }

    @Test
    void contactAtTheLastSecondIsMetAndASecondLaterIsLate() {
      Case onTime = registered(Priority.A, "2026-11-02T09:30").at("2026-11-03T23:59:59", "contacted").build();
      assertThat(only(onTime, "first-contact", "2026-11-10T00:00").state()).isEqualTo(ClockState.MET);

      Case late = registered(Priority.A, "2026-11-02T09:30").at("2026-11-04T00:00", "contacted").build();
      SlaClock clock = only(late, "first-contact", "2026-11-10T00:00");
      assertThat(clock.state()).isEqualTo(ClockState.MET_LATE);
      assertThat(clock.stoppedAt()).isEqualTo(sh("2026-11-04T00:00"));
      assertThat(clock.overdueBy()).isZero();
    }

    @Test
    void onlyTheFirstContactStopsIt() {
      Case c = registered(Priority.B, "2026-11-02T09:30")
          .at("2026-11-02T10:00", "contacted")
          .at("2026-11-09T10:00", "contacted")
          .build();
      assertThat(only(c, "first-contact", "2026-11-10T00:00").stoppedAt()).isEqualTo(sh("2026-11-02T10:00"));
    }

    @Test
    void runningPastTheEndOfTheWorkingDayIsBreached() {
      // A registered Fri Nov 6: due Mon Nov 9 23:59:59; warn 4h from 19:59:59.
      Case c = registered(Priority.A, "2026-11-06T17:00").build();
      assertThat(only(c, "first-contact", "2026-11-09T19:59:58").state()).isEqualTo(ClockState.OPEN);
      assertThat(only(c, "first-contact", "2026-11-09T19:59:59").state()).isEqualTo(ClockState.DUE_SOON);
      SlaClock breached = only(c, "first-contact", "2026-11-10T09:00");
      assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
      assertThat(breached.overdueBy()).isEqualTo(Duration.ofHours(9).plusSeconds(1));
    }

    @Test
    void aCaseWithoutPriorityHasNoFirstContactClock() {
      // The default rule only has per-priority targets and no general one.
      Case c = registered(null, "2026-11-02T09:30").buildAsIs();
      assertThat(clocks(c, "first-contact", "2026-11-20T00:00")).isEmpty();
    }
  }

  // ------------------------------------------------------------------ needs record

  @Nested
  class NeedsRecord {
    /** Meeting Tue Nov 3 14:00 in lead, then into needs: the record is due Wed Nov 4 14:00 (24h). */
    private CaseBuilder afterMeeting() {
      return registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T10:00", "contacted")
          .at("2026-11-03T14:00", "meeting")
          .at("2026-11-03T15:00", "advance", "to", "needs");
    }

    @Test
    void recordedBeforeTheDeadlineIsMet() {
      Case c = afterMeeting().at("2026-11-04T10:00", "requirements_recorded").build();
      assertThat(only(c, "needs-record", "2026-11-05T09:00")).isEqualTo(stopped("needs-record", null,
          "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-04T10:00", "2026-11-05T09:00", ClockState.MET));
    }

    @Test
    void recordedExactlyAtTheDeadlineIsMet() {
      Case c = afterMeeting().at("2026-11-04T14:00", "requirements_recorded").build();
      assertThat(only(c, "needs-record", "2026-11-05T09:00").state()).isEqualTo(ClockState.MET);
    }

    @Test
    void recordedAfterTheDeadlineIsMetLate() {
      Case c = afterMeeting().at("2026-11-04T14:01", "requirements_recorded").build();
      assertThat(only(c, "needs-record", "2026-11-05T09:00")).isEqualTo(stopped("needs-record", null,
          "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-04T14:01", "2026-11-05T09:00", ClockState.MET_LATE));
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
        "2026-11-03T20:00, OPEN",
        // warn_before 4h: the window opens at Nov 4 10:00 and includes the due instant itself.
        "2026-11-04T09:59:59, OPEN",
        "2026-11-04T10:00, DUE_SOON",
        "2026-11-04T14:00, DUE_SOON",
        "2026-11-04T14:00:01, BREACHED",
    })
    void aRunningClockIsJudgedAgainstNow(String now, ClockState state) {
      Case c = afterMeeting().build();
      assertThat(only(c, "needs-record", now))
          .isEqualTo(running("needs-record", null, "2026-11-03T14:00", "2026-11-04T14:00", now, state));
    }

    @Test
    void aBreachedClockSaysByHowMuch() {
      Case c = afterMeeting().build();
      SlaClock clock = only(c, "needs-record", "2026-11-05T09:00");
      assertThat(clock.state()).isEqualTo(ClockState.BREACHED);
      assertThat(clock.overdueBy()).isEqualTo(Duration.ofHours(19));
      assertThat(only(c, "needs-record", "2026-11-04T13:00").overdueBy()).isZero();
    }

    @Test
    void aRecordAfterNowDoesNotCountYet() {
      // Judged at Nov 4 15:00, the record of 16:00 has not happened: breached by 1h.
      Case c = afterMeeting().at("2026-11-04T16:00", "requirements_recorded").build();
      SlaClock clock = only(c, "needs-record", "2026-11-04T15:00");
      assertThat(clock.state()).isEqualTo(ClockState.BREACHED);
      assertThat(clock.stoppedAt()).isNull();
      assertThat(clock.overdueBy()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void oneRecordStopsTheClocksOfBothMeetings() {
      // Meetings Tue 14:00 (lead) and 16:00 (needs): due Wed 14:00 and Wed 16:00; one record Wed 15:00.
      Case c = afterMeeting()
          .at("2026-11-03T16:00", "meeting")
          .at("2026-11-04T15:00", "requirements_recorded")
          .build();
      assertThat(clocks(c, "needs-record", "2026-11-05T09:00")).containsExactly(
          stopped("needs-record", null, "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-04T15:00",
              "2026-11-05T09:00", ClockState.MET_LATE),
          stopped("needs-record", null, "2026-11-03T16:00", "2026-11-04T16:00", "2026-11-04T15:00",
              "2026-11-05T09:00", ClockState.MET));
    }

    @Test
    void aMeetingOutsideLeadAndNeedsStartsNoClock() {
      // A meeting in lead (Mon 10:00) starts one, stopped by the record at Tue 08:03; the meetings
      // in solution and negotiation start none (during: [lead, needs]).
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T10:00", "meeting")
          .at("2026-11-03T08:00", "contacted")
          .then("advance", "to", "needs")
          .then("requirements_recorded").then("requirements_confirmed").then("analysis_reported")
          .then("advance", "to", "solution")
          .at("2026-11-04T10:00", "meeting")
          .then("solution_drafted").then("feasibility_checked").then("cost_checked").then("price_reviewed")
          .then("solution_reviewed", "result", "approved")
          .then("advance", "to", "negotiation")
          .at("2026-11-05T10:00", "meeting")
          .build();
      assertThat(clocks(c, "needs-record", "2026-11-20T00:00")).containsExactly(stopped("needs-record", null,
          "2026-11-02T10:00", "2026-11-03T10:00", "2026-11-03T08:02", "2026-11-20T00:00", ClockState.MET));
    }
  }

  // ------------------------------------------------------------------ issues

  @Nested
  class Issues {
    /** In after-sales since Mon Nov 16 10:00, two problems reported and answered out of order. */
    private Case twoIssues() {
      return registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-16T09:00", "delivery_accepted")
          .at("2026-11-16T10:00", "advance", "to", "after_sales")
          .at("2026-11-17T09:00", "issue_reported", "issue", "I-1")
          .at("2026-11-17T09:30", "issue_reported", "issue", "I-2")
          .at("2026-11-17T10:00", "issue_responded", "issue", "I-2")
          .at("2026-11-17T11:15", "issue_responded", "issue", "I-1")
          .at("2026-11-18T08:00", "issue_resolved", "issue", "I-1")
          .build();
    }

    @Test
    void eachResponseStopsTheClockOfItsOwnIssue() {
      // I-1: 09:00 + 2h = 11:00, answered 11:15 (late); I-2: 09:30 + 2h = 11:30, answered 10:00.
      assertThat(clocks(twoIssues(), "issue-response", "2026-11-18T10:00")).containsExactly(
          stopped("issue-response", "I-1", "2026-11-17T09:00", "2026-11-17T11:00", "2026-11-17T11:15",
              "2026-11-18T10:00", ClockState.MET_LATE),
          stopped("issue-response", "I-2", "2026-11-17T09:30", "2026-11-17T11:30", "2026-11-17T10:00",
              "2026-11-18T10:00", ClockState.MET));
    }

    @Test
    void eachResolutionStopsTheClockOfItsOwnIssue() {
      // I-1: due Wed 09:00, solved Wed 08:00; I-2: due Wed 09:30, unsolved at 10:00 -> 30 min over.
      List<SlaClock> resolution = clocks(twoIssues(), "issue-resolution", "2026-11-18T10:00");
      assertThat(resolution).containsExactly(
          stopped("issue-resolution", "I-1", "2026-11-17T09:00", "2026-11-18T09:00", "2026-11-18T08:00",
              "2026-11-18T10:00", ClockState.MET),
          running("issue-resolution", "I-2", "2026-11-17T09:30", "2026-11-18T09:30", "2026-11-18T10:00",
              ClockState.BREACHED));
      assertThat(resolution.get(1).overdueBy()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void warningWindowOfTheResponse() {
      // I-1 and I-2 unanswered: due 11:00 and 11:30, warn 30m. At 10:45: I-1 due soon, I-2 open.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-16T09:00", "delivery_accepted")
          .at("2026-11-16T10:00", "advance", "to", "after_sales")
          .at("2026-11-17T09:00", "issue_reported", "issue", "I-1")
          .at("2026-11-17T09:30", "issue_reported", "issue", "I-2")
          .build();
      assertThat(clocks(c, "issue-response", "2026-11-17T10:45")).extracting(SlaClock::key, SlaClock::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("I-1", ClockState.DUE_SOON),
              org.assertj.core.groups.Tuple.tuple("I-2", ClockState.OPEN));
    }
  }

  // ------------------------------------------------------------------ weekly progress

  @Nested
  class WeeklyProgress {

    @Test
    void enteringDeliveryStartsItEachUpdateRestartsItAndLeavingStopsIt() {
      // Enter Mon Nov 9 10:00: due 7 days after Nov 9 = Mon Nov 16 23:59:59.
      // Update Fri Nov 13 15:00: met; the next is due Fri Nov 20 23:59:59.
      // Update Sat Nov 21 10:00: late; the next is due Sat Nov 28 23:59:59.
      // Leaving for after-sales Wed Nov 25 09:00 stops it (met); none runs afterwards.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-13T15:00", "progress_update")
          .at("2026-11-21T10:00", "progress_update")
          .at("2026-11-24T09:00", "delivery_accepted")
          .at("2026-11-25T09:00", "advance", "to", "after_sales")
          .build();
      String now = "2026-12-10T00:00";
      assertThat(clocks(c, "progress-weekly", now)).containsExactly(
          stopped("progress-weekly", null, "2026-11-09T10:00", "2026-11-16T23:59:59", "2026-11-13T15:00", now,
              ClockState.MET),
          stopped("progress-weekly", null, "2026-11-13T15:00", "2026-11-20T23:59:59", "2026-11-21T10:00", now,
              ClockState.MET_LATE),
          stopped("progress-weekly", null, "2026-11-21T10:00", "2026-11-28T23:59:59", "2026-11-25T09:00", now,
              ClockState.MET));
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
        // After the update of Fri Nov 13 15:00 the clock is due Fri Nov 20 23:59:59; warn_before 1d.
        "2026-11-19T23:59:58, OPEN",
        "2026-11-19T23:59:59, DUE_SOON",
        "2026-11-21T00:00:00, BREACHED",
    })
    void theRestartedClockIsJudgedAgainstNow(String now, ClockState state) {
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-13T15:00", "progress_update")
          .build();
      List<SlaClock> weekly = clocks(c, "progress-weekly", now);
      assertThat(weekly).hasSize(2);
      assertThat(weekly.get(1))
          .isEqualTo(running("progress-weekly", null, "2026-11-13T15:00", "2026-11-20T23:59:59", now, state));
    }

    @Test
    void reworkOutOfDeliveryStopsItAndReenteringStartsAFreshOne() {
      // Enter Mon Nov 9 10:00 (due Nov 16); back to negotiation Tue Nov 10 09:00 (met);
      // enter again Thu Nov 12 09:00: due 7 days after Nov 12 = Thu Nov 19 23:59:59.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-10T09:00", "advance", "to", "negotiation", "reason", "price change")
          .at("2026-11-12T09:00", "advance", "to", "delivery")
          .build();
      String now = "2026-11-12T10:00";
      assertThat(clocks(c, "progress-weekly", now)).containsExactly(
          stopped("progress-weekly", null, "2026-11-09T10:00", "2026-11-16T23:59:59", "2026-11-10T09:00", now,
              ClockState.MET),
          running("progress-weekly", null, "2026-11-12T09:00", "2026-11-19T23:59:59", now, ClockState.OPEN));
    }

    @Test
    void lostInDeliveryLeavesTheClockAsItStoodWhenLost() {
      // Entered Mon Nov 9 10:00, due Mon Nov 16 23:59:59, no update; lost Fri Nov 20 09:00.
      // Judged then (not at now): breached by 1s + 3 days 9 hours.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-20T09:00", "advance", "to", "lost", "reason", "customer went bankrupt")
          .build();
      SlaClock clock = only(c, "progress-weekly", "2026-12-31T00:00");
      assertThat(clock).isEqualTo(running("progress-weekly", null, "2026-11-09T10:00", "2026-11-16T23:59:59",
          "2026-11-20T09:00", ClockState.BREACHED));
      assertThat(clock.overdueBy()).isEqualTo(Duration.ofDays(3).plusHours(9).plusSeconds(1));
    }
  }

  // ------------------------------------------------------------------ after delivery

  @Nested
  class AfterDelivery {
    /** In delivery since Wed Sep 2 2026; accepted at {@code accepted}, after-sales a minute later. */
    private CaseBuilder acceptedAt(String accepted) {
      return registered(Priority.A, "2026-09-01T09:30")
          .inDeliveryFrom("2026-09-02T09:00")
          .at(accepted, "delivery_accepted")
          .then("advance", "to", "after_sales");
    }

    @Test
    void afterSalesContactAcrossTheNationalDayWeek() {
      // Accepted Wed Sep 30 16:00: Oct 1-7 off, then Thu 8, Fri 9, Sat 10 (makeup) -> Oct 10.
      // Contacted on the makeup Saturday itself: met.
      Case c = acceptedAt("2026-09-30T16:00").at("2026-10-10T11:00", "after_sales_contact").build();
      assertThat(only(c, "after-sales-contact", "2026-10-12T10:00")).isEqualTo(stopped("after-sales-contact",
          null, "2026-09-30T16:00", "2026-10-10T23:59:59", "2026-10-10T11:00", "2026-10-12T10:00", ClockState.MET));
    }

    @Test
    void afterSalesContactOnTheMondayAfterIsLate() {
      Case c = acceptedAt("2026-09-30T16:00").at("2026-10-12T09:00", "after_sales_contact").build();
      assertThat(only(c, "after-sales-contact", "2026-10-12T10:00").state()).isEqualTo(ClockState.MET_LATE);
    }

    @ParameterizedTest(name = "accepted {0}: contact due {1}")
    @CsvSource({
        // On the Mid-Autumn holiday Fri Sep 25: 26, 27 off; Mon 28, Tue 29, Wed 30.
        "2026-09-25T10:00, 2026-09-30T23:59:59",
        // Fri Oct 9: the makeup Saturday Oct 10 counts; then Mon 12, Tue 13.
        "2026-10-09T10:00, 2026-10-13T23:59:59",
        // On the makeup Saturday Oct 10 itself: it does not count; Mon 12, Tue 13, Wed 14.
        "2026-10-10T10:00, 2026-10-14T23:59:59",
        // During the National Day holiday (Mon Oct 5): Thu 8, Fri 9, Sat 10.
        "2026-10-05T10:00, 2026-10-10T23:59:59",
    })
    void afterSalesContactOnHolidaysAndMakeupDays(String accepted, String due) {
      Case c = acceptedAt(accepted).build();
      assertThat(only(c, "after-sales-contact", accepted).dueAt()).isEqualTo(sh(due));
    }

    @Test
    void surveyIsDueFifteenCalendarDaysAfterAcceptance() {
      // Accepted Mon Nov 16 09:00: 15 calendar days after Nov 16 = Tue Dec 1, 23:59:59.
      CaseBuilder base = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-16T09:00", "delivery_accepted")
          .at("2026-11-16T10:00", "advance", "to", "after_sales");
      Case onTime = base.at("2026-12-01T20:00", "survey_done").build();
      assertThat(only(onTime, "survey", "2026-12-05T00:00")).isEqualTo(stopped("survey", null,
          "2026-11-16T09:00", "2026-12-01T23:59:59", "2026-12-01T20:00", "2026-12-05T00:00", ClockState.MET));

      Case late = registered(Priority.A, "2026-11-02T09:30")
          .inDeliveryFrom("2026-11-09T10:00")
          .at("2026-11-16T09:00", "delivery_accepted")
          .at("2026-11-16T10:00", "advance", "to", "after_sales")
          .at("2026-12-02T00:00", "survey_done")
          .build();
      assertThat(only(late, "survey", "2026-12-05T00:00").state()).isEqualTo(ClockState.MET_LATE);
    }

    @Test
    void surveyAcrossNationalDayIgnoresHolidays() {
      // Calendar days: Sep 30 + 15 = Oct 15; warn 3d opens at Oct 12 23:59:59.
      Case c = acceptedAt("2026-09-30T16:00").build();
      assertThat(only(c, "survey", "2026-10-12T23:59:58").state()).isEqualTo(ClockState.OPEN);
      assertThat(only(c, "survey", "2026-10-12T23:59:59"))
          .isEqualTo(running("survey", null, "2026-09-30T16:00", "2026-10-15T23:59:59", "2026-10-12T23:59:59",
              ClockState.DUE_SOON));
    }
  }

  // ------------------------------------------------------------------ judging

  @Nested
  class Judging {
    private CaseBuilder afterMeeting() {
      return registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T10:00", "contacted")
          .at("2026-11-03T14:00", "meeting");
    }

    @ParameterizedTest(name = "lost at {0}: {1}")
    @CsvSource({
        // The needs record is due Wed Nov 4 14:00 (warn 4h); now is long after, in December.
        "2026-11-03T20:00, OPEN",
        "2026-11-04T11:00, DUE_SOON",
        "2026-11-04T15:00, BREACHED",
    })
    void aLostCaseIsJudgedWhenItWasLost(String lostAt, ClockState state) {
      Case c = afterMeeting().at(lostAt, "advance", "to", "lost", "reason", "budget cut").build();
      ClockSheet sheet = sheet(c, "2026-12-01T00:00");
      assertThat(sheet.clocks()).containsExactly(
          stopped("first-contact", null, "2026-11-02T09:30", "2026-11-03T23:59:59", "2026-11-02T10:00", lostAt,
              ClockState.MET),
          running("needs-record", null, "2026-11-03T14:00", "2026-11-04T14:00", lostAt, state));
    }

    @Test
    void aLostCaseBreachedClockIsOverdueOnlyUntilItWasLost() {
      Case c = afterMeeting().at("2026-11-04T15:00", "advance", "to", "lost", "reason", "budget cut").build();
      assertThat(only(c, "needs-record", "2026-12-01T00:00").overdueBy()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nowBeforeTheLossIsJudgedAtNow() {
      Case c = afterMeeting().at("2026-11-04T15:00", "advance", "to", "lost", "reason", "budget cut").build();
      assertThat(only(c, "needs-record", "2026-11-04T12:00")).isEqualTo(
          running("needs-record", null, "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-04T12:00",
              ClockState.DUE_SOON));
    }

    @Test
    void onlyTheLegalPrefixOfTheLogCounts() {
      // The record at 16:00 is illegal in lead; everything from it on is ignored, including the
      // legal-looking advance and record after it, so the clock of the 14:00 meeting runs on.
      Case c = afterMeeting()
          .at("2026-11-03T16:00", "requirements_recorded")
          .at("2026-11-03T17:00", "advance", "to", "needs")
          .at("2026-11-04T09:00", "requirements_recorded")
          .buildAsIs();
      Replay replay = MACHINE.replay(c);
      assertThat(replay.illegal()).get().extracting(Replay.Violation::eventIndex).isEqualTo(2);
      assertThat(only(c, "needs-record", "2026-11-05T09:00")).isEqualTo(running("needs-record", null,
          "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-05T09:00", ClockState.BREACHED));
    }

    @Test
    void anEventRecordedLateCountsAtTheTimeItHappened() {
      // The contact at 11:00 is written after a note at 12:00: the clock stops at 11:00, not 12:00.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T12:00", "note")
          .at("2026-11-02T11:00", "contacted")
          .buildAsIs();
      assertThat(MACHINE.replay(c).illegal()).isEmpty();
      assertThat(only(c, "first-contact", "2026-11-04T09:00")).isEqualTo(stopped("first-contact", null,
          "2026-11-02T09:30", "2026-11-03T23:59:59", "2026-11-02T11:00", "2026-11-04T09:00", ClockState.MET));
    }

    @Test
    void aMeetingRecordedLateStartsItsClockWhenItHappened() {
      // The meeting of Nov 3 14:00 is written on Nov 4 after a note: its record is due Nov 4 14:00.
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-04T09:00", "note")
          .at("2026-11-03T14:00", "meeting")
          .buildAsIs();
      assertThat(only(c, "needs-record", "2026-11-04T15:00")).isEqualTo(running("needs-record", null,
          "2026-11-03T14:00", "2026-11-04T14:00", "2026-11-04T15:00", ClockState.BREACHED));
    }

    @Test
    void warnAtLeastWidensTheWarningWindow() {
      // Due Wed Nov 4 14:00, the rule warns 4h before (from 10:00).
      Case c = afterMeeting().build();
      assertThat(clocks(c, "needs-record", "2026-11-04T06:00", Duration.ZERO))
          .extracting(SlaClock::state).containsExactly(ClockState.OPEN);
      // 12h: the window opens at 02:00.
      assertThat(clocks(c, "needs-record", "2026-11-04T06:00", Duration.ofHours(12)))
          .extracting(SlaClock::state).containsExactly(ClockState.DUE_SOON);
      assertThat(clocks(c, "needs-record", "2026-11-04T01:59", Duration.ofHours(12)))
          .extracting(SlaClock::state).containsExactly(ClockState.OPEN);
      // A narrower request does not narrow the rule's own window.
      assertThat(clocks(c, "needs-record", "2026-11-04T11:00", Duration.ofHours(1)))
          .extracting(SlaClock::state).containsExactly(ClockState.DUE_SOON);
      // Breached and stopped clocks are unaffected.
      assertThat(clocks(c, "needs-record", "2026-11-04T15:00", Duration.ofDays(30)))
          .extracting(SlaClock::state).containsExactly(ClockState.BREACHED);
      assertThat(clocks(c, "first-contact", "2026-11-04T15:00", Duration.ofDays(30)))
          .extracting(SlaClock::state).containsExactly(ClockState.MET);
    }

    @Test
    void clocksComeInStartOrder() {
      Case c = afterMeeting().at("2026-11-03T15:00", "advance", "to", "needs").build();
      assertThat(sheet(c, "2026-11-03T16:00").clocks()).extracting(SlaClock::rule, SlaClock::startedAt).containsExactly(
          org.assertj.core.groups.Tuple.tuple("first-contact", sh("2026-11-02T09:30")),
          org.assertj.core.groups.Tuple.tuple("needs-record", sh("2026-11-03T14:00")),
          org.assertj.core.groups.Tuple.tuple("stalled", sh("2026-11-03T15:00")));
    }
  }

  // ------------------------------------------------------------------ unknown years

  @Nested
  class UnknownYears {

    @Test
    void aWorkingDayDeadlineIn2027IsReported() {
      // C registered Wed Dec 23 2026: Thu 24, Fri 25, Mon 28, Tue 29, Wed 30, Thu 31, then Fri
      // Jan 1 2027 is 元旦 by the statutory rule (2027 has no official schedule), so Mon Jan 4.
      Case c = registered(Priority.C, "2026-12-23T10:00").build();
      ClockSheet sheet = sheet(c, "2026-12-23T10:00");
      assertThat(clocks(c, "first-contact", "2026-12-23T10:00")).containsExactly(running("first-contact", null,
          "2026-12-23T10:00", "2027-01-04T23:59:59", "2026-12-23T10:00", ClockState.OPEN));
      assertThat(sheet.unknownYears()).containsExactly(2027);
    }

    @Test
    void aWorkingDayDeadlineInsideKnownYearsIsNot() {
      // A registered Wed Dec 23 2026: due Thu Dec 24.
      Case c = registered(Priority.A, "2026-12-23T10:00").build();
      assertThat(sheet(c, "2026-12-23T10:00").unknownYears()).isEmpty();
    }

    @Test
    void elapsedAndCalendarDayDeadlinesIn2027AreNot() {
      // The meeting of Thu Dec 31 20:00 makes the needs record due Fri Jan 1 2027 20:00 (24h):
      // plain elapsed time needs no calendar. The first-contact A clock stays in 2026.
      Case c = registered(Priority.A, "2026-12-28T10:00")
          .at("2026-12-28T11:00", "contacted")
          .at("2026-12-31T20:00", "meeting")
          .build();
      ClockSheet sheet = sheet(c, "2026-12-31T21:00");
      assertThat(sheet.clocks()).extracting(SlaClock::rule, SlaClock::dueAt).contains(
          org.assertj.core.groups.Tuple.tuple("needs-record", sh("2027-01-01T20:00")));
      assertThat(sheet.unknownYears()).isEmpty();
    }
  }

  // ------------------------------------------------------------------ custom rules

  @Nested
  class EnteringAStage {

    @Test
    void enteringTheFirstStageCountsFromRegistrationAndFromEachReturn() {
      // {enter: lead}: the case enters lead when registered, and again on rework from needs.
      SlaRule qualify = new SlaRule("qualify", null, new ClockStart.OnEntering("lead"), List.of("contacted"),
          null, Target.parse("4h"), null, null, null, null, null);
      SlaEngine engine = new SlaEngine(PROCESS, List.of(qualify), Calendars.cn(SHANGHAI));
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T11:00", "contacted")
          .at("2026-11-02T12:00", "advance", "to", "needs")
          .at("2026-11-03T10:00", "advance", "to", "lead", "reason", "wrong contact person")
          .build();
      String now = "2026-11-03T15:00";
      assertThat(engine.clocks(c, MACHINE.replay(c), sh(now), Duration.ZERO).clocks()).containsExactly(
          stopped("qualify", null, "2026-11-02T09:30", "2026-11-02T13:30", "2026-11-02T11:00", now, ClockState.MET),
          running("qualify", null, "2026-11-03T10:00", "2026-11-03T14:00", now, ClockState.BREACHED));
    }

    @Test
    void enteringALaterStageStartsTheClockAtTheAdvance() {
      // {enter: needs} with 2 business hours: entered Mon Nov 2 17:00 -> 1h until 18:00, then
      // Tue 09:00 + 1h = 10:00.
      SlaRule analyse = new SlaRule("analyse", null, new ClockStart.OnEntering("needs"),
          List.of("analysis_reported"), null, Target.parse("2 business hours"), null, null, null, null, null);
      SlaEngine engine = new SlaEngine(PROCESS, List.of(analyse), Calendars.cn(SHANGHAI));
      Case c = registered(Priority.A, "2026-11-02T09:30")
          .at("2026-11-02T17:00", "advance", "to", "needs")
          .build();
      String now = "2026-11-03T09:00";
      assertThat(engine.clocks(c, MACHINE.replay(c), sh(now), Duration.ZERO).clocks()).containsExactly(
          running("analyse", null, "2026-11-02T17:00", "2026-11-03T10:00", now, ClockState.OPEN));
    }
  }
  // ------------------------------------------------------------------ stalled deals

  @Nested
  class Stalled {
    @Test
    void aLeadWithoutAnyEventIsStalledFourteenDaysAfterRegistration() {
      // registered Mon Nov 2 09:30: due at the end of Mon Nov 16, warned from the end of Fri Nov 13
      Case c = registered(Priority.A, "2026-11-02T09:30").build();
      assertThat(only(c, "stalled", "2026-11-05T09:00")).isEqualTo(running("stalled", null,
          "2026-11-02T09:30", "2026-11-16T23:59:59", "2026-11-05T09:00", ClockState.OPEN));
      assertThat(only(c, "stalled", "2026-11-14T09:00").state()).isEqualTo(ClockState.DUE_SOON);
      assertThat(only(c, "stalled", "2026-11-17T00:00").state()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void everyEventRestartsItAndEarlierIdleSpellsLeaveNoClock() {
      // a note 20 days after registration: the spell before it is history, the clock runs from the note
      Case c = registered(Priority.A, "2026-11-02T09:30").at("2026-11-22T10:00", "note").build();
      assertThat(clocks(c, "stalled", "2026-11-25T09:00")).containsExactly(running("stalled", null,
          "2026-11-22T10:00", "2026-12-06T23:59:59", "2026-11-25T09:00", ClockState.OPEN));
    }

    @Test
    void theIdleTimeIsTheStageTheCaseIsIn() {
      // in negotiation from Nov 2 (minute by minute): 30 days, due at the end of Wed Dec 2
      Case c = registered(Priority.A, "2026-11-02T09:30").then("contacted").leadToNegotiation().build();
      SlaClock clock = only(c, "stalled", "2026-11-20T09:00");
      assertThat(clock.startedAt()).isEqualTo(c.events().get(c.events().size() - 1).at().toInstant());
      assertThat(clock.dueAt()).isEqualTo(sh("2026-12-02T23:59:59"));
    }

    @Test
    void aLostCaseIsNeverStalled() {
      Case c = registered(Priority.A, "2026-11-02T09:30").at("2026-11-03T10:00", "advance", "to", "lost", "reason", "budget")
          .build();
      assertThat(clocks(c, "stalled", "2026-12-20T09:00")).isEmpty();
    }

    @Test
    void anEventRecordedLateDoesNotMoveTheClockBack() {
      // the meeting of Nov 5 is written after the note of Nov 10: activity is still last on Nov 10
      Case c = registered(Priority.A, "2026-11-02T09:30").at("2026-11-10T10:00", "note")
          .at("2026-11-05T10:00", "meeting").buildAsIs();
      assertThat(only(c, "stalled", "2026-11-12T09:00").startedAt()).isEqualTo(sh("2026-11-10T10:00"));
    }

    @Test
    void aStageSetToNeverIsNotWatched() {
      SlaRule base = PROCESS.sla().stream().filter(r -> r.id().equals("stalled")).findFirst().orElseThrow();
      SlaRule override = new SlaRule("stalled", null, null, null, null, null, null, null, null, null, null, null, null, null,
          new java.util.LinkedHashMap<>(java.util.Collections.singletonMap("lead", (dev.salesflow.core.calendar.Target) null)));
      SlaRule merged = base.overriddenBy(override);
      assertThat(merged.idle()).containsKey("lead").containsEntry("lead", null);
      assertThat(merged.idle().get("needs")).isEqualTo(base.idle().get("needs"));
      SlaEngine engine = new SlaEngine(PROCESS, List.of(merged), Calendars.cn(SHANGHAI));
      Case c = registered(Priority.A, "2026-11-02T09:30").build();
      assertThat(engine.clocks(c, MACHINE.replay(c), sh("2026-12-20T09:00"), Duration.ZERO).clocks()).isEmpty();
    }
  }
}
