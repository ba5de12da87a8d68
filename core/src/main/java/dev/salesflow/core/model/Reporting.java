package dev.salesflow.core.model;

/**
 * The pipeline reports over every case as it stands at one instant; see {@link
 * dev.salesflow.core.api.Salesflow#reports}. Each report is limited by a {@link ReportQuery} (a period and an owner).
 */
public interface Reporting {

  /**
   * How many cases reached each stage, the conversion between stages, the contract value and why
   * cases were lost.
   *
   * @param query the period (by registration) and owner
   * @return the funnel
   */
  FunnelReport funnel(ReportQuery query);

  /**
   * Per SLA rule: clocks met, met late, breached and running, and the compliance rate.
   *
   * @param query the period (by clock start) and owner
   * @return the SLA report
   */
  SlaReport sla(ReportQuery query);

  /**
   * How long open cases have been in their stage, and the oldest of them.
   *
   * @param query the period (by registration) and owner
   * @return the aging report
   */
  AgingReport aging(ReportQuery query);

  /**
   * Per owner: open cases by stage, breached clocks and clocks due soon.
   *
   * @param query the period and owner
   * @return the owners report
   */
  OwnersReport owners(ReportQuery query);

  /**
   * The expected value of the open deals per stage and per owner: their estimated values (the
   * process's {@code forecast: value_from}) weighed by each stage's probability.
   *
   * @param query the period (by registration) and owner
   * @return the forecast
   */
  ForecastReport forecast(ReportQuery query);
}
