package dev.salesflow.core.process;

import static dev.salesflow.core.process.CaseLog.event;
import static dev.salesflow.core.process.CaseLog.registeredCase;
import static dev.salesflow.core.process.CaseLog.upTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.Replay.Violation;
import dev.salesflow.core.model.Replay.Violation.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The default process's transitions and guards, replayed with a threshold of 1 000 000. */
class StateMachineTest {
  private static final ProcessDefinition PROCESS = ProcessLoader.defaultProcess();
  private static final List<String> OPEN_STAGES = List.of("lead", "needs", "solution", "negotiation", "delivery", "after_sales");

  private final StateMachine machine = new StateMachine(PROCESS, new BigDecimal("1000000"));

  private Replay replay(CaseLog log) {
    return machine.replay(log.onCase());
  }

  /** Judges {@code next} as the event after {@code log}. */
  private Optional<Violation> judge(CaseLog log, Event next) {
    return machine.judgeNext(log.onCase(), log.next(next));
  }

  private Optional<Violation> judgeAdvance(CaseLog log, String to) {
    return judge(log, event(Event.ADVANCE, "to", to));
  }

  /** The log of a case in {@code stage} with every event that completes it except {@code left}. */
  private static CaseLog inStageWithout(String stage, String left) {
    CaseLog log = upTo(stage);
    CaseLog.COMPLETES.get(stage).stream().filter(e -> !e.type().equals(left)).forEach(log::add);
    return log;
  }

  private static void assertUnmet(Optional<Violation> violation, String... problems) {
    assertThat(violation).hasValueSatisfying(v -> {
      assertThat(v.kind()).isEqualTo(Kind.UNMET_GUARD);
      assertThat(v.problems()).containsExactlyInAnyOrder(problems);
    });
  }

  private static void assertIllegal(Optional<Violation> violation, String problem) {
    assertThat(violation).hasValueSatisfying(v -> {
      assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
      assertThat(v.problems()).containsExactly(problem);
    });
  }

  @Test
  void theShortestLegalPathReachesEveryStageAndClosed() {
    for (String stage : List.of("lead", "needs", "solution", "negotiation", "delivery", "after_sales", "closed")) {
      Replay replay = replay(upTo(stage));
      assertThat(replay.illegal()).as("replay into %s", stage).isEmpty();
      assertThat(replay.stage()).isEqualTo(stage);
    }
  }

  @Nested
  class LeadToNeeds {
    static Stream<Arguments> registrationsMissingOneField() {
      Contact contact = new Contact("王磊", null, "+86 512 5555 0101", null);
      return Stream.of(
          Arguments.of(registeredCase(new Customer(null, "manufacturing", null, contact), "exhibition", Priority.A),
              "registration field customer.company is missing"),
          Arguments.of(registeredCase(new Customer("   ", "manufacturing", null, contact), "exhibition", Priority.A),
              "registration field customer.company is missing"),
          Arguments.of(registeredCase(new Customer("ACME", null, null, contact), "exhibition", Priority.A),
              "registration field customer.industry is missing"),
          Arguments.of(registeredCase(new Customer("ACME", "manufacturing", null,
                  new Contact(null, null, "+86 512 5555 0101", null)), "exhibition", Priority.A),
              "registration field customer.contact.name is missing"),
          Arguments.of(registeredCase(new Customer("ACME", "manufacturing", null,
                  new Contact("王磊", "采购经理", null, null)), "exhibition", Priority.A),
              "registration field customer.contact.phone or customer.contact.email is missing"),
          Arguments.of(registeredCase(new Customer("ACME", "manufacturing", null,
                  new Contact("王磊", null, "", " ")), "exhibition", Priority.A),
              "registration field customer.contact.phone or customer.contact.email is missing"),
          Arguments.of(registeredCase(new Customer("ACME", "manufacturing", null, contact), null, Priority.A),
              "registration field source is missing"),
          Arguments.of(registeredCase(new Customer("ACME", "manufacturing", null, contact), "exhibition", null),
              "registration field priority is missing"));
    }

    @ParameterizedTest
    @MethodSource("registrationsMissingOneField")
    void eachMissingRegistrationFieldBlocksTheAdvance(Case registered, String problem) {
      CaseLog log = new CaseLog();

      Optional<Violation> violation = machine.judgeNext(log.onCase(registered), log.next(event(Event.ADVANCE, "to", "needs")));

      assertUnmet(violation, problem);
    }

    @Test
    void aCompleteRegistrationMayAdvance() {
      CaseLog log = new CaseLog().to("needs");

      Replay replay = replay(log);

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo("needs");
    }

    @Test
    void anEmailAloneSufficesAsTheContactChannel() {
      Case registered = registeredCase(new Customer("ACME", "manufacturing", null,
          new Contact("王磊", null, null, "wang.lei@example.com")), "online", Priority.C);
      CaseLog log = new CaseLog().to("needs");

      Replay replay = machine.replay(log.onCase(registered));

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo("needs");
    }

    @Test
    void ownerSizeTitleAndNeedAreNotRequiredToLeaveLead() {
      Case bare = new Case("X-1", new Customer("ACME", "retail", null, new Contact("Li", null, "123", null)),
          "other", Priority.B, null, CaseLog.REGISTERED, null, List.of());
      CaseLog log = new CaseLog().to("needs");

      assertThat(machine.replay(log.onCase(bare)).stage()).isEqualTo("needs");
    }

    @Test
    void anEmptyRegistrationListsEveryMissingField() {
      Case empty = new Case("X-1", null, null, null, null, CaseLog.REGISTERED, null, List.of());
      CaseLog log = new CaseLog();

      Optional<Violation> violation = machine.judgeNext(log.onCase(empty), log.next(event(Event.ADVANCE, "to", "needs")));

      assertUnmet(violation,
          "registration field customer.company is missing",
          "registration field customer.industry is missing",
          "registration field customer.contact.name is missing",
          "registration field customer.contact.phone or customer.contact.email is missing",
          "registration field source is missing",
          "registration field priority is missing");
    }
  }

  @Nested
  class NeedsToSolution {
    @ParameterizedTest
    @ValueSource(strings = {"requirements_recorded", "requirements_confirmed", "analysis_reported"})
    void eachMissingRecordBlocksTheAdvance(String missing) {
      assertUnmet(judgeAdvance(inStageWithout("needs", missing), "solution"), "missing event '" + missing + "'");
    }

    @Test
    void withNothingRecordedEveryRecordIsListed() {
      assertUnmet(judgeAdvance(upTo("needs"), "solution"),
          "missing event 'requirements_recorded'",
          "missing event 'requirements_confirmed'",
          "missing event 'analysis_reported'");
    }

    @Test
    void theRecordsInAnyOrderLetTheCaseAdvance() {
      CaseLog log = upTo("needs").add("analysis_reported").add("meeting").add("requirements_confirmed")
          .add("requirements_recorded");

      assertThat(judgeAdvance(log, "solution")).isEmpty();
    }
  }

  @Nested
  class SolutionToNegotiation {
    @ParameterizedTest
    @ValueSource(strings = {"solution_drafted", "feasibility_checked", "cost_checked", "price_reviewed"})
    void eachMissingStepBlocksTheAdvance(String missing) {
      assertUnmet(judgeAdvance(inStageWithout("solution", missing), "negotiation"), "missing event '" + missing + "'");
    }

    @Test
    void withoutAReviewTheApprovedReviewIsMissing() {
      assertUnmet(judgeAdvance(inStageWithout("solution", "solution_reviewed"), "negotiation"),
          "missing event 'solution_reviewed' with result=approved");
    }

    @Test
    void aRejectedReviewDoesNotCount() {
      CaseLog log = inStageWithout("solution", "solution_reviewed").add("solution_reviewed", "result", "rejected");

      assertUnmet(judgeAdvance(log, "negotiation"), "missing event 'solution_reviewed' with result=approved");
    }

    @Test
    void anApprovalAfterARejectionCounts() {
      CaseLog log = inStageWithout("solution", "solution_reviewed")
          .add("solution_reviewed", "result", "rejected")
          .add("solution_reviewed", "result", "approved");

      assertThat(judgeAdvance(log, "negotiation")).isEmpty();
    }

    @Test
    void aReviewWithoutAResultIsItselfRefused() {
      assertIllegal(judge(upTo("solution"), event("solution_reviewed")), "'solution_reviewed' needs the field 'result'");
    }

    @Test
    void aReviewWithAnUnknownResultIsRefused() {
      assertIllegal(judge(upTo("solution"), event("solution_reviewed", "result", "ok")),
          "field 'result' must be one of approved, rejected, got 'ok'");
    }
  }

  @Nested
  class NegotiationToDelivery {
    private CaseLog prepared() {
      return upTo("negotiation").add("negotiation_prepared").add("contract_reviewed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"negotiation_prepared", "contract_reviewed", "contract_signed"})
    void eachMissingStepBlocksTheAdvance(String missing) {
      assertUnmet(judgeAdvance(inStageWithout("negotiation", missing), "delivery"), "missing event '" + missing + "'");
    }

    @Test
    void aContractBelowTheThresholdNeedsNoApproval() {
      assertThat(judgeAdvance(prepared().add("contract_signed", "amount", "999999"), "delivery")).isEmpty();
    }

    @Test
    void aContractExactlyAtTheThresholdNeedsTheGeneralManager() {
      assertUnmet(judgeAdvance(prepared().add("contract_signed", "amount", "1000000"), "delivery"),
"'contract_signed' amount 1000000 needs an event 'approval' by general_manager (the tier from 1000000)"
              + " with amount at least 1000000 before it");
    }

    @Test
    void aDecimalAmountJustBelowTheThresholdNeedsNoApproval() {
      assertThat(judgeAdvance(prepared().add("contract_signed", "amount", "999999.99"), "delivery")).isEmpty();
    }

    @Test
    void theGeneralManagersApprovalBeforeSigningLetsALargeContractThrough() {
      CaseLog log = prepared().add("approval", "role", "general_manager", "amount", "2500000")
          .add("contract_signed", "amount", "2500000");

      assertThat(judgeAdvance(log, "delivery")).isEmpty();
    }

    @Test
    void anApprovalOfLessThanTheSignedAmountDoesNotCount() {
      CaseLog log = prepared().add("approval", "role", "general_manager", "amount", "100")
          .add("contract_signed", "amount", "10000000");

      assertThat(judgeAdvance(log, "delivery")).hasValueSatisfying(v -> assertThat(v.problems())
          .anySatisfy(p -> assertThat(p).contains("approves 100, less than 10000000")));
    }

    @Test
    void anApprovalWithoutAnAmountDoesNotCount() {
      CaseLog log = prepared().add("approval", "role", "general_manager").add("contract_signed", "amount", "2500000");

      assertThat(judgeAdvance(log, "delivery")).hasValueSatisfying(v -> assertThat(v.problems())
          .anySatisfy(p -> assertThat(p).endsWith("does not count: carries no amount")));
    }

    @Test
    void aMatrixTierNeedsItsRoleOrAHigherOne() {
      StateMachine matrix = new StateMachine(PROCESS, new ApprovalRules(List.of(
          new ApprovalTier("sales_manager", BigDecimal.ZERO), new ApprovalTier("general_manager", new BigDecimal("1000000"))),
          ApprovalRules.EVERY_APPROVAL));
      CaseLog bySalesManager = prepared().add("approval", "role", "sales_manager", "amount", "500000")
          .add("contract_signed", "amount", "500000");
      CaseLog byGeneralManager = prepared().add("approval", "role", "general_manager", "amount", "500000")
          .add("contract_signed", "amount", "500000");
      CaseLog unapproved = prepared().add("contract_signed", "amount", "500");
      Event advance = event(Event.ADVANCE, "to", "delivery");

      assertThat(matrix.judgeNext(bySalesManager.onCase(), bySalesManager.next(advance))).isEmpty();
      assertThat(matrix.judgeNext(byGeneralManager.onCase(), byGeneralManager.next(advance))).isEmpty();
      assertThat(matrix.judgeNext(unapproved.onCase(), unapproved.next(advance))).hasValueSatisfying(v ->
          assertThat(v.problems()).containsExactly("'contract_signed' amount 500 needs an event 'approval' by sales_manager"
              + " or general_manager (the tier from 0) with amount at least 500 before it"));
    }

    @Test
    void anApprovalAfterSigningDoesNotCount() {
      CaseLog log = prepared().add("contract_signed", "amount", "2500000")
          .add("approval", "role", "general_manager", "amount", "2500000");

      assertUnmet(judgeAdvance(log, "delivery"), "'contract_signed' amount 2500000 needs an event 'approval' by general_manager (the tier from 1000000)"
              + " with amount at least 2500000 before it");
    }

    @Test
    void theSalesManagersApprovalDoesNotCount() {
      CaseLog log = prepared().add("approval", "role", "sales_manager").add("contract_signed", "amount", "1000000");

      assertThat(judgeAdvance(log, "delivery")).hasValueSatisfying(v ->
          assertThat(v.problems()).singleElement().asString().contains("needs an event 'approval' by general_manager"));
    }

    @Test
    void theLastSignedContractDecides() {
      CaseLog resigned = prepared().add("contract_signed", "amount", "500000").add("contract_signed", "amount", "1200000");
      CaseLog shrunk = prepared().add("contract_signed", "amount", "1200000").add("contract_signed", "amount", "500000");

      assertThat(judgeAdvance(resigned, "delivery")).isPresent();
      assertThat(judgeAdvance(shrunk, "delivery")).isEmpty();
    }

    @Test
    void aSignatureWithoutAnAmountIsItselfRefused() {
      assertIllegal(judge(prepared(), event("contract_signed")), "'contract_signed' needs the field 'amount'");
    }

    @Test
    void anAmountThatIsNoNumberIsRefused() {
      assertIllegal(judge(prepared(), event("contract_signed", "amount", "1,000,000")),
          "field 'amount' must be a number from 0 to 1000000000000000 with at most 4 decimals, got '1,000,000'");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-5000000", "1e400", "1e2147483647", ".nan", ".inf",
        "0x10", "1_000", "+5", "1.00001", "1000000000000000.1", "10000000000000001", "1.", ".5"})
    void anAmountOutOfRangeOrScaleOrNotPlainIsRefused(String amount) {
      assertThat(judge(prepared(), event("contract_signed", "amount", amount))).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.problems()).singleElement().asString()
            .startsWith("field 'amount' must be a number from 0 to 1000000000000000 with at most 4 decimals, got '")
            .hasSizeLessThan(120);
      });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "1850000", "1850000.50", "1000000000000000", " 12.3456 "})
    void plainAmountsInRangeAreAccepted(String amount) {
      assertThat(dev.salesflow.core.model.Amounts.parse(amount)).isPresent();
    }

    @Test
    void theThresholdComesFromTheWorkspace() {
      StateMachine strict = new StateMachine(PROCESS, new BigDecimal("100000"));
      CaseLog log = prepared().add("contract_signed", "amount", "500000");

      assertThat(strict.judgeNext(log.onCase(), log.next(event(Event.ADVANCE, "to", "delivery")))).isPresent();
      assertThat(judgeAdvance(log, "delivery")).isEmpty();
    }
  }

  @Nested
  class DeliveryToAfterSales {
    @ParameterizedTest
    @ValueSource(strings = {"order_created", "order_reviewed", "delivery_accepted"})
    void eachMissingStepBlocksTheAdvance(String missing) {
      assertUnmet(judgeAdvance(inStageWithout("delivery", missing), "after_sales"), "missing event '" + missing + "'");
    }

    @Test
    void routingAndProgressAreRecordedButNotRequired() {
      CaseLog log = upTo("delivery").add("order_created").add("order_reviewed").add("order_routed", "route", "logistics")
          .add("progress_update").add("delay_notified").add("delivery_accepted");

      assertThat(judgeAdvance(log, "after_sales")).isEmpty();
    }
  }

  @Nested
  class AfterSalesToClosed {
    @ParameterizedTest
    @ValueSource(strings = {"after_sales_contact", "survey_done"})
    void eachMissingStepBlocksClosing(String missing) {
      assertUnmet(judgeAdvance(inStageWithout("after_sales", missing), "closed"), "missing event '" + missing + "'");
    }

    @Test
    void everyReportedIssueMustBeResolved() {
      CaseLog log = upTo("after_sales").addAll(CaseLog.COMPLETES.get("after_sales"))
          .add("issue_reported", "issue", "I-1")
          .add("issue_reported", "issue", "I-2")
          .add("issue_responded", "issue", "I-2")
          .add("issue_resolved", "issue", "I-1");

      assertUnmet(judgeAdvance(log, "closed"), "'issue_reported' issue=I-2 has no 'issue_resolved'");
    }

    @Test
    void resolvedIssuesLetTheCaseClose() {
      CaseLog log = upTo("after_sales").addAll(CaseLog.COMPLETES.get("after_sales"))
          .add("issue_reported", "issue", "I-1")
          .add("issue_reported", "issue", "I-2")
          .add("issue_resolved", "issue", "I-2")
          .add("issue_resolved", "issue", "I-1");

      Replay replay = replay(log.to("closed"));

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo("closed");
    }

    @Test
    void aResolutionBeforeTheReportDoesNotCount() {
      CaseLog log = upTo("after_sales").addAll(CaseLog.COMPLETES.get("after_sales"))
          .add("issue_resolved", "issue", "I-3")
          .add("issue_reported", "issue", "I-3");

      assertUnmet(judgeAdvance(log, "closed"), "'issue_reported' issue=I-3 has no 'issue_resolved'");
    }

    @Test
    void anIssueEventWithoutItsIssueIsRefused() {
      assertIllegal(judge(upTo("after_sales"), event("issue_reported")), "'issue_reported' needs the field 'issue'");
    }
  }

  @Nested
  class ReworkAndLost {
    @ParameterizedTest
    @ValueSource(strings = {"needs", "solution", "negotiation", "delivery", "after_sales"})
    void backOneStageWithAReasonIsRework(String stage) {
      String previous = PROCESS.previous(stage).orElseThrow();

      Replay replay = replay(upTo(stage).to(previous, "internal review rejected the solution"));

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo(previous);
    }

    @ParameterizedTest
    @ValueSource(strings = {"needs", "solution", "negotiation", "delivery", "after_sales"})
    void backOneStageWithoutAReasonIsRefused(String stage) {
      String previous = PROCESS.previous(stage).orElseThrow();

      assertIllegal(judgeAdvance(upTo(stage), previous), "moving from " + stage + " to " + previous + " needs a 'reason'");
    }

    @Test
    void aBlankReasonIsNoReason() {
      assertIllegal(judge(upTo("solution"), event(Event.ADVANCE, "to", "needs", "reason", "  ")),
          "moving from solution to needs needs a 'reason'");
    }

    @Test
    void backTwoStagesIsRefusedEvenWithAReason() {
      assertIllegal(judge(upTo("negotiation"), event(Event.ADVANCE, "to", "needs", "reason", "start over")),
          "cannot move from negotiation to needs (allowed: delivery, solution (rework, with a reason), lost (with a reason))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "needs", "solution", "negotiation", "delivery", "after_sales"})
    void lostFromAnyOpenStageWithAReason(String stage) {
      Replay replay = replay(upTo(stage).to("lost", "customer chose a competitor"));

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo("lost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "needs", "solution", "negotiation", "delivery", "after_sales"})
    void lostWithoutAReasonIsRefused(String stage) {
      assertIllegal(judgeAdvance(upTo(stage), "lost"), "moving from " + stage + " to lost needs a 'reason'");
    }

    @Test
    void lostNeedsNoGuard() {
      CaseLog log = new CaseLog();
      Case unregistered = new Case("X-1", null, null, null, null, CaseLog.REGISTERED, null, List.of());

      assertThat(machine.judgeNext(log.onCase(unregistered),
          log.next(event(Event.ADVANCE, "to", "lost", "reason", "no budget")))).isEmpty();
    }

    @Test
    void closingNeedsTheAfterSalesGuardsNotAReason() {
      assertThat(replay(upTo("closed")).stage()).isEqualTo("closed");
    }
  }

  @Nested
  class TerminalStages {
    @ParameterizedTest
    @ValueSource(strings = {"note", "contacted", "survey_done"})
    void nothingIsAcceptedAfterClosed(String type) {
      assertIllegal(judge(upTo("closed"), event(type)), "the case is closed: no further events are accepted");
    }

    @Test
    void noAdvanceLeavesClosed() {
      assertIllegal(judge(upTo("closed"), event(Event.ADVANCE, "to", "after_sales", "reason", "reopen")),
          "the case is closed: no further events are accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "needs", "after_sales", "closed"})
    void noAdvanceLeavesLost(String to) {
      CaseLog log = upTo("needs").to("lost", "no budget");

      assertIllegal(judge(log, event(Event.ADVANCE, "to", to, "reason", "they came back")),
          "the case is lost: no further events are accepted (a case lost by mistake is taken back with 'reopen')");
    }

    @Test
    void replayStopsAtTheFirstEventAfterLost() {
      CaseLog log = upTo("needs").to("lost", "no budget").add("note");

      Replay replay = replay(log);

      assertThat(replay.stage()).isEqualTo("lost");
      assertThat(replay.illegal()).hasValueSatisfying(v -> assertThat(v.eventIndex()).isEqualTo(2));
    }
  }

  @Nested
  class WhichEventsAndMoves {
    @Test
    void skippingAStageIsRefusedWithTheAllowedMoves() {
      assertIllegal(judgeAdvance(new CaseLog(), "solution"),
          "cannot move from lead to solution (allowed: needs, lost (with a reason))");
    }

    @Test
    void skippingIsRefusedEvenWhenEveryGuardOnTheWayHolds() {
      CaseLog log = upTo("needs").addAll(CaseLog.COMPLETES.get("needs"));

      assertThat(judgeAdvance(log, "negotiation")).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.message()).startsWith("cannot move from needs to negotiation");
      });
    }

    @Test
    void fromTheLastStageForwardIsClosedNotASkip() {
      assertIllegal(judge(upTo("after_sales"), event(Event.ADVANCE, "to", "lead", "reason", "x")),
          "cannot move from after_sales to lead (allowed: closed, delivery (rework, with a reason), lost (with a reason))");
    }

    @Test
    void advancingToTheCurrentStageIsRefused() {
      assertIllegal(judgeAdvance(upTo("needs"), "needs"), "the case is already in stage needs");
    }

    @Test
    void advancingToAnUnknownStageIsRefused() {
      assertIllegal(judgeAdvance(new CaseLog(), "won"),
          "field 'to' names no stage: 'won' (stages: lead, needs, solution, negotiation, delivery, after_sales, closed, lost)");
    }

    @Test
    void anAdvanceWithoutATargetIsRefused() {
      assertIllegal(judge(new CaseLog(), event(Event.ADVANCE)), "'advance' needs the field 'to'");
    }

    /** Asserts a refusal of {@code type} in {@code stage} that lists exactly {@code allowed}. */
    private void assertNotAllowed(Optional<Violation> violation, String type, String stage, String allowed) {
      assertThat(violation).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.problems()).singleElement().asString()
            .startsWith("'" + type + "' ")
            .contains(" in stage " + stage + " ")
            .endsWith("(allowed: " + allowed + ")");
      });
    }

    @Test
    void anEventOfAnotherStageIsRefusedWithTheAllowedList() {
      assertNotAllowed(judge(upTo("needs"), event("contract_signed", "amount", "10")), "contract_signed", "needs",
          "contacted, meeting, note, estimated, requirements_recorded, requirements_confirmed, analysis_reported");
    }

    @Test
    void leadAllowsOnlyTheGenericEvents() {
      assertNotAllowed(judge(new CaseLog(), event("requirements_recorded")), "requirements_recorded", "lead",
          "contacted, meeting, note, estimated");
    }

    @Test
    void anEventOfAnEarlierStageIsRefusedLater() {
      assertNotAllowed(judge(upTo("solution"), event("requirements_recorded")), "requirements_recorded", "solution",
          "contacted, meeting, note, estimated, solution_drafted, feasibility_checked, cost_checked, price_reviewed, solution_reviewed");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
      assertThat(judge(new CaseLog(), event("coffee"))).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.message()).startsWith("unknown event type 'coffee' (known: contacted, meeting, note,");
      });
    }

    @Test
    void anUnknownFieldIsRefused() {
      assertThat(judge(new CaseLog(), event("note", "mood", "good"))).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.message()).startsWith("unknown event field 'mood' (known: ").contains("reason, amount, issue");
      });
    }

    static Stream<Arguments> genericEventsInOpenStages() {
      return OPEN_STAGES.stream().flatMap(stage ->
          Stream.of("contacted", "meeting", "note").map(type -> Arguments.of(stage, type)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("genericEventsInOpenStages")
    void genericEventsAreAllowedInEveryOpenStage(String stage, String type) {
      assertThat(judge(upTo(stage), event(type))).isEmpty();
    }

    @Test
    void eachStageAllowsItsOwnEvents() {
      for (String stage : OPEN_STAGES) {
        for (String type : PROCESS.openStage(stage).orElseThrow().events()) {
          Event e = event(type);
          for (String required : PROCESS.eventTypes().get(type).required()) {
            FieldSpec spec = PROCESS.eventFields().get(required);
            String value = spec.kind() == FieldSpec.Kind.ENUM ? spec.values().get(0)
                : spec.kind() == FieldSpec.Kind.NUMBER ? "1" : "I-1";
            e = new Event(e.at(), type, e.by(), null, java.util.Map.of(required, value));
          }
          assertThat(judge(upTo(stage), e)).as("%s in %s", type, stage).isEmpty();
        }
      }
    }
  }

  @Nested
  class TimeOrder {
    @Test
    void anEventEarlierThanThePreviousOneIsAcceptedWhereItHappened() {
      CaseLog log = new CaseLog().add("meeting").add("note");
      Event last = log.events().get(1);
      Event earlier = new Event(last.at().minusMinutes(1), "note", null, "late entry", null);

      assertThat(machine.judgeNext(log.onCase(), earlier)).isEmpty();
    }

    @Test
    void aLateEventIsJudgedInTheStageItHappenedIn() {
      // in needs now, but at 30 minutes after registration the case was in lead
      CaseLog log = new CaseLog().add("meeting").to("needs");
      Event late = new Event(CaseLog.REGISTERED.plusMinutes(30), "requirements_recorded", null, null, null);

      assertThat(machine.judgeNext(log.onCase(), late)).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.eventIndex()).isEqualTo(2);
        assertThat(v.message()).contains("cannot be recorded in stage lead");
      });
    }

    @Test
    void aLateMoveThatMakesALaterEventIllegalIsRefusedNamingThatEvent() {
      CaseLog log = new CaseLog().add("meeting").add("note");
      Event lostEarlier = new Event(CaseLog.REGISTERED.plusMinutes(30), Event.ADVANCE, null, null,
          java.util.Map.of("to", "lost", "reason", "no budget"));

      assertThat(machine.judgeNext(log.onCase(), lostEarlier)).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
        assertThat(v.eventIndex()).isZero();
        assertThat(v.message()).contains("the case is lost");
      });
    }

    @Test
    void aLateAdvanceIsJudgedOnWhatHadHappenedByThen() {
      // the meeting and the note at +1h and +2h; the move to needs at +90m, written after both
      CaseLog log = new CaseLog().add("meeting").add("note");
      Event advance = new Event(CaseLog.REGISTERED.plusMinutes(90), Event.ADVANCE, null, null, java.util.Map.of("to", "needs"));

      assertThat(machine.judgeNext(log.onCase(), advance)).isEmpty();
      Replay replay = machine.replay(log.onCase().withEvent(advance));
      assertThat(replay.stage()).isEqualTo("needs");
      assertThat(replay.visits()).extracting(Replay.Visit::eventIndex).containsExactly(-1, 2);
    }

    @Test
    void anEventAtTheSameInstantAsThePreviousIsAccepted() {
      CaseLog log = new CaseLog().add("meeting");
      Event same = new Event(log.events().get(0).at(), "note", null, null, null);

      assertThat(machine.judgeNext(log.onCase(), same)).isEmpty();
    }

    @Test
    void theSameInstantInAnotherOffsetIsNotEarlier() {
      CaseLog log = new CaseLog().add("meeting");
      Event sameInUtc = new Event(log.events().get(0).at().withOffsetSameInstant(java.time.ZoneOffset.UTC), "note", null, null, null);

      assertThat(machine.judgeNext(log.onCase(), sameInUtc)).isEmpty();
    }

    @Test
    void anEventBeforeTheRegistrationIsRefused() {
      Event before = new Event(CaseLog.REGISTERED.minusDays(1), "contacted", null, null, null);

      assertThat(machine.judgeNext(new CaseLog().onCase(), before)).hasValueSatisfying(v -> {
        assertThat(v.kind()).isEqualTo(Kind.TIME_ORDER);
        assertThat(v.message()).contains("earlier than the registration");
      });
    }

    @Test
    void replayGoesByTimeWithTiesInFileOrder() {
      // file order: meeting, advance to needs, then requirements dated before the advance (in lead)
      CaseLog log = new CaseLog().add("meeting").to("needs");
      log.addAsIs(new Event(CaseLog.REGISTERED.plusMinutes(30), "requirements_recorded", null, null, null));

      Replay replay = replay(log);

      assertThat(replay.stage()).isEqualTo("lead");
      assertThat(replay.illegal()).hasValueSatisfying(v -> {
        assertThat(v.eventIndex()).isEqualTo(2);
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
      });
      // at the same instant as the advance, written after it: it comes after the advance
      CaseLog tie = new CaseLog().add("meeting").to("needs");
      tie.addAsIs(new Event(tie.events().get(1).at(), "requirements_recorded", null, null, null));
      assertThat(replay(tie).illegal()).isEmpty();
    }
  }

  @Nested
  class History {
    @Test
    void recordsFromBeforeAReworkStillCount() {
      // needs and solution work is done once; the rework back to needs does not undo it.
      CaseLog log = upTo("solution").addAll(CaseLog.COMPLETES.get("solution"))
          .to("needs", "customer changed the scope")
          .to("solution");

      assertThat(replay(log).illegal()).isEmpty();
      assertThat(judgeAdvance(log, "negotiation")).isEmpty();
    }

    @Test
    void anApprovedReviewFromAnEarlierVisitCountsAfterRework() {
      CaseLog log = upTo("negotiation")
          .to("solution", "price too high")
          .add("price_reviewed")
          .to("negotiation");

      Replay replay = replay(log);

      assertThat(replay.illegal()).isEmpty();
      assertThat(replay.stage()).isEqualTo("negotiation");
    }

    @Test
    void visitsListEveryStageEnteredWithItsEvent() {
      CaseLog log = upTo("solution").to("needs", "scope changed").to("solution");
      List<Event> events = log.events();

      Replay replay = replay(log);

      List<String> stages = new ArrayList<>();
      replay.visits().forEach(v -> stages.add(v.stage()));
      assertThat(stages).containsExactly("lead", "needs", "solution", "needs", "solution");
      assertThat(replay.visits().get(0)).isEqualTo(new Replay.Visit("lead", CaseLog.REGISTERED, -1));
      for (Replay.Visit visit : replay.visits().subList(1, replay.visits().size())) {
        Event entering = events.get(visit.eventIndex());
        assertThat(entering.isAdvance()).isTrue();
        assertThat(entering.field("to")).contains(visit.stage());
        assertThat(visit.at()).isEqualTo(entering.at());
      }
      assertThat(replay.enteredAt()).isEqualTo(events.get(events.size() - 1).at());
    }

    @Test
    void aFreshCaseHasOnlyTheRegistrationVisit() {
      Replay replay = replay(new CaseLog());

      assertThat(replay.stage()).isEqualTo("lead");
      assertThat(replay.visits()).containsExactly(new Replay.Visit("lead", CaseLog.REGISTERED, -1));
      assertThat(replay.enteredAt()).isEqualTo(CaseLog.REGISTERED);
      assertThat(replay.illegal()).isEmpty();
    }

    @Test
    void replayStopsAtTheFirstIllegalEventAndIgnoresTheRest() {
      CaseLog log = new CaseLog().to("needs").to("negotiation").add("requirements_recorded").to("lost", "gone");

      Replay replay = replay(log);

      assertThat(replay.stage()).isEqualTo("needs");
      assertThat(replay.visits()).extracting(Replay.Visit::stage).containsExactly("lead", "needs");
      assertThat(replay.illegal()).hasValueSatisfying(v -> {
        assertThat(v.eventIndex()).isEqualTo(1);
        assertThat(v.kind()).isEqualTo(Kind.ILLEGAL_EVENT);
      });
    }

    @Test
    void aRefusedAdvanceReportsTheUnmetGuardInTheReplay() {
      Replay replay = replay(new CaseLog().to("needs").to("solution"));

      assertThat(replay.stage()).isEqualTo("needs");
      assertThat(replay.illegal()).hasValueSatisfying(v -> {
        assertThat(v.eventIndex()).isEqualTo(1);
        assertThat(v.kind()).isEqualTo(Kind.UNMET_GUARD);
        assertThat(v.problems()).hasSize(3);
      });
    }
  }

  @Nested
  class JudgeNext {
    @Test
    void aLegalNextEventIsAccepted() {
      assertThat(judge(upTo("needs"), event("requirements_recorded"))).isEmpty();
    }

    @Test
    void anIllegalNextEventIsReportedAtTheNextIndex() {
      CaseLog log = upTo("needs");

      assertThat(judge(log, event("survey_done"))).hasValueSatisfying(v ->
          assertThat(v.eventIndex()).isEqualTo(log.events().size()));
    }

    @Test
    void aCaseThatIsAlreadyIllegalReportsItsOwnFirstViolation() {
      CaseLog broken = new CaseLog().add("note").to("delivery").add("note");

      Optional<Violation> violation = judge(broken, event("note"));

      assertThat(violation).hasValueSatisfying(v -> {
        assertThat(v.eventIndex()).isEqualTo(1);
        assertThat(v.message()).startsWith("cannot move from lead to delivery");
      });
    }

    @Test
    void judgingDoesNotChangeTheCase() {
      Case c = upTo("needs").onCase();
      List<Event> before = c.events();

      machine.judgeNext(c, event(Event.ADVANCE, "to", "solution"));

      assertThat(c.events()).isEqualTo(before);
      assertThat(machine.replay(c).stage()).isEqualTo("needs");
    }
  }
}
