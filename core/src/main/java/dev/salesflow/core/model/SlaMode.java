package dev.salesflow.core.model;

/** How {@code check} reports late and breached SLA clocks. */
public enum SlaMode {
  /** As errors: the check fails. */
  ERROR,
  /** As warnings (the default: time passing must not turn a clean repository red). */
  WARN,
  /** Not at all. */
  OFF
}
