package dev.salesflow.cli.command;

import java.util.SortedSet;

/** Warnings printed once per run on stderr. */
final class Warnings {
  private Warnings() {}

  static void unknownYears(SalesflowCommand root, SortedSet<Integer> years) {
    if (years.isEmpty() || root.quiet()) {
      return;
    }
    root.context().err().println("salesflow: warning: the calendar has no official holiday schedule for "
        + String.join(", ", years.stream().map(String::valueOf).toList())
        + "; working days there follow the plain weekly pattern");
  }
}
