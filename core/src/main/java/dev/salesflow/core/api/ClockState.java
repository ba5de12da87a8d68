package dev.salesflow.core.api;

/** Where an SLA clock stands. */
public enum ClockState {
  /** Stopped at or before its due time. */
  MET,
  /** Stopped after its due time. */
  MET_LATE,
  /** Running, before its warning window. */
  OPEN,
  /** Running, inside its warning window. */
  DUE_SOON,
  /** Running, past its due time. */
  BREACHED;

  /** Lower-case name as printed: {@code met_late}, {@code due_soon}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True while the clock has not been stopped. */
  public boolean running() {
    return this == OPEN || this == DUE_SOON || this == BREACHED;
  }
}
