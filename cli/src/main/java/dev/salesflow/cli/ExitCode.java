package dev.salesflow.cli;

/** The process exit codes of salesflow; scripts depend on them, so they never change meaning. */
public enum ExitCode {
  /** All good. */
  OK(0),
  /** Findings: check errors, breached deadlines, a refused advance or event. */
  FINDINGS(1),
  /** Usage error: bad flag or value, unknown case, no workspace, bad configuration. */
  USAGE(2),
  /** The store or a file could not be read or written. */
  IO(3),
  /** An internal error: a bug in salesflow, to be reported (with the output of {@code --verbose}). */
  INTERNAL(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
