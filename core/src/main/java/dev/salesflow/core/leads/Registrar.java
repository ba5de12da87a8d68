package dev.salesflow.core.leads;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.RegistrationProblem;
import dev.salesflow.core.model.SalesProcess;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What a lead import needs of a workspace: its cases, process and zone, and registering one case
 * as {@code Salesflow.register} does. The facade hands itself in through this, so the import
 * depends on it without depending on the facade.
 */
public interface Registrar {
  ZoneId zone();

  SalesProcess process();

  List<CaseView> list(CaseFilter filter);

  List<RegistrationProblem> registrationProblems(Registration r);

  Case register(Registration r, OffsetDateTime now);

  /** The case a valid registration makes, with {@code events}; its id is {@code pending} when {@code r} gives none. */
  Case draft(Registration r, OffsetDateTime now, List<Event> events);

  /** Why the process refuses {@code next} on {@code c} (its fields, then the state machine), or empty. */
  java.util.Optional<String> problem(Case c, Event next);

  /**
   * Why {@code log} or {@code advance} would refuse {@code next} as the next event of {@code
   * current} (the event alone, then the state machine), as their message says it, or empty.
   */
  java.util.Optional<String> refusal(Case current, Event next, OffsetDateTime now);

  /** Stores new cases that have their ids, in batches; {@code stored} is told how many are stored so far. */
  void createAll(List<Case> cases, java.util.function.IntConsumer stored);

  /** Stores the new case {@code draft} under the next free id of the registration year. */
  Case createNumbered(Case draft);
}
