package dev.salesflow.core.report;

import dev.salesflow.core.model.AgingReport;
import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.model.FunnelReport;
import dev.salesflow.core.model.OwnersReport;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.SlaReport;
import java.util.function.Supplier;

/**
 * A store's reports from the facts it keeps, except for a period of reaching a stage: no store keeps
 * when each stage was first entered, so those queries replay the cases (made once, when first asked).
 */
public final class KeptOrReplayed implements Reporting {
  private final Reporting kept;
  private final Supplier<Reporting> replay;
  private Reporting replayed;

  /**
   * @param kept the store's reports
   * @param replay makes the reports that replay every case
   */
  public KeptOrReplayed(Reporting kept, Supplier<Reporting> replay) {
    this.kept = kept;
    this.replay = replay;
  }

  private Reporting of(ReportQuery q) {
    if (q.period() != ReportQuery.Period.REACHED) {
      return kept;
    }
    if (replayed == null) {
      replayed = replay.get();
    }
    return replayed;
  }

  @Override
  public FunnelReport funnel(ReportQuery q) {
    return of(q).funnel(q);
  }

  @Override
  public SlaReport sla(ReportQuery q) {
    return of(q).sla(q);
  }

  @Override
  public AgingReport aging(ReportQuery q) {
    return of(q).aging(q);
  }

  @Override
  public OwnersReport owners(ReportQuery q) {
    return of(q).owners(q);
  }

  @Override
  public ForecastReport forecast(ReportQuery q) {
    return of(q).forecast(q);
  }
}
