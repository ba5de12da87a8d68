package dev.salesflow.core.leads;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
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
}
