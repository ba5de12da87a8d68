package dev.salesflow.core.process;

import static dev.salesflow.core.process.CaseLog.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Replay;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** registration_edited, reassigned and reopened through the default process's state machine. */
class CorrectionsReplayTest {
  private final StateMachine machine = new StateMachine(ProcessLoader.defaultProcess(), new BigDecimal("1000000"));

  private static Case withoutContactChannel() {
    return CaseLog.registeredCase(new Customer("ACME", "manufacturing", null, new Contact("Wang", null, null, null)),
        "online", Priority.B);
  }

  @Test
  void aGuardReadsTheRegistrationAsTheCorrectionsBeforeTheMoveLeftIt() {
    CaseLog blocked = new CaseLog().to("needs");
    Case before = blocked.onCase(withoutContactChannel());
    assertThat(machine.replay(before).illegal()).hasValueSatisfying(v ->
        assertThat(v.message()).contains("customer.contact.phone or customer.contact.email is missing"));

    CaseLog fixed = new CaseLog().add(Event.REGISTRATION_EDITED, "customer.contact.email", "wang@acme.example").to("needs");
    Case after = fixed.onCase(withoutContactChannel());
    Replay replay = machine.replay(after);
    assertThat(replay.illegal()).isEmpty();
    assertThat(replay.stage()).isEqualTo("needs");
    assertThat(after.current().customer().contact().email()).isEqualTo("wang@acme.example");
    assertThat(after.customer().contact().email()).as("the header as first written").isNull();
  }

  @Test
  void theCurrentRegistrationAndOwnerAreTheHeaderWithTheCorrectionsInOrder() {
    Case c = new CaseLog()
        .add(Event.REGISTRATION_EDITED, "priority", "A", "customer.contact.phone", "1")
        .add(Event.REASSIGNED, "to", "li.na", "from", "zhang.wei")
        .add(Event.REGISTRATION_EDITED, "customer.contact.phone", "", "needs", "spare parts")
        .onCase(CaseLog.registeredCase());
    Case current = c.current();
    assertThat(current.priority()).isEqualTo(Priority.A);
    assertThat(current.owner()).isEqualTo("li.na");
    assertThat(current.customer().contact().phone()).as("an empty value removes the field").isNull();
    assertThat(current.need()).isEqualTo("spare parts");
    assertThat(current.customer().company()).isEqualTo(c.customer().company());
    assertThat(c.asOf(1).owner()).isEqualTo(c.owner());
    assertThat(machine.replay(c).illegal()).isEmpty();
    Case plain = new CaseLog().add("contacted").onCase(CaseLog.registeredCase());
    assertThat(plain.current()).isSameAs(plain);
  }

  @Test
  void correctionsAreAcceptedInATerminalStageAndUnknownFieldsAreNot() {
    CaseLog lost = new CaseLog().to("lost", "no budget");
    assertThat(machine.judgeNext(lost.onCase(), lost.next(event(Event.REASSIGNED, "to", "li.na")))).isEmpty();
    assertThat(machine.judgeNext(lost.onCase(), lost.next(event(Event.REGISTRATION_EDITED, "priority", "C")))).isEmpty();
    assertThat(machine.judgeNext(lost.onCase(), lost.next(event("contacted")))).hasValueSatisfying(v ->
        assertThat(v.message()).contains("the case is lost", "'reopen'"));
    assertThat(machine.judgeNext(lost.onCase(), lost.next(event(Event.REGISTRATION_EDITED, "colour", "red"))))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("unknown event field 'colour'", "customer.contact.phone"));
    assertThat(machine.judgeNext(lost.onCase(), lost.next(event(Event.REASSIGNED))))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("needs the field 'to'"));
  }

  @Test
  void aLostCaseIsReopenedOnlyInTheStageItWasLostFrom() {
    CaseLog lost = CaseLog.upTo("solution").to("lost", "no budget");
    Case c = lost.onCase();
    assertThat(machine.reopensIn(c)).contains("solution");
    assertThat(machine.judgeNext(c, lost.next(event(Event.REOPENED, "to", "needs", "reason", "mistake"))))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("the stage it was lost from, solution, not needs"));
    assertThat(machine.judgeNext(c, lost.next(event(Event.REOPENED, "to", "solution"))))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("needs the field 'reason'"));

    CaseLog reopened = CaseLog.upTo("solution").to("lost", "no budget").add(Event.REOPENED, "to", "solution", "reason", "mistake");
    Replay replay = machine.replay(reopened.onCase());
    assertThat(replay.illegal()).isEmpty();
    assertThat(replay.stage()).isEqualTo("solution");
    assertThat(replay.visits().get(replay.visits().size() - 1).stage()).isEqualTo("solution");
    assertThat(machine.judgeNext(reopened.onCase(), reopened.next(event("solution_drafted")))).isEmpty();

    CaseLog open = CaseLog.upTo("needs");
    assertThat(machine.judgeNext(open.onCase(), open.next(event(Event.REOPENED, "to", "needs", "reason", "x"))))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("only a lost case can be reopened"));
    assertThat(machine.reopensIn(open.onCase())).isEmpty();
  }
}
