package com.example.pipeline;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.SalesflowException;
import dev.salesflow.core.model.SlaClock;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * Prints each case's stage and its breached SLA clocks at an instant; exits 1 when any clock is
 * breached, 2 when the workspace cannot be read, 3 on a bug.
 *
 * <pre>java -p ... -m com.example.pipeline/com.example.pipeline.Main WORKSPACE [INSTANT]</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Path workspace = Path.of(args.length > 0 ? args[0] : ".");
    OffsetDateTime at = args.length > 1 ? OffsetDateTime.parse(args[1]) : OffsetDateTime.now();
    try {
      System.exit(report(workspace, at) > 0 ? 1 : 0);
    } catch (SalesflowException e) {
      System.err.println("cannot read " + workspace + ": " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(3);
    }
  }

  /** Prints the report and returns how many clocks are breached. */
  static int report(Path workspace, OffsetDateTime at) {
    int breached = 0;
    try (Salesflow flow = Salesflow.open(workspace)) {
      for (var view : flow.list(CaseFilter.ALL)) {
        System.out.println(view.value().id() + "  " + view.stage());
        for (SlaClock clock : flow.clocks(view, at).clocks()) {
          if (clock.state() == ClockState.BREACHED) {
            System.out.println("  breached: " + clock.rule() + ", due " + clock.dueAt().atZone(flow.zone()).toOffsetDateTime() + ", overdue by " + clock.overdueBy());
            breached++;
          }
        }
      }
    }
    return breached;
  }
}
