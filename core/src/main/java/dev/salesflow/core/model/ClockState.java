package dev.salesflow.core.model;

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

  /**
   * The state as printed and written to JSON.
   *
   * @return the lower-case name, e.g. {@code met_late}, {@code due_soon}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether the clock is still running.
   *
   * @return true for {@link #OPEN}, {@link #DUE_SOON} and {@link #BREACHED}: not stopped yet
   */
  public boolean running() {
    return this == OPEN || this == DUE_SOON || this == BREACHED;
  }
}
