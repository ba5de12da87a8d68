package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --version} and {@code show} run without a lambda, a method reference or a stream. The first one a JVM
 * meets starts {@code LambdaMetafactory} and the method-handle machinery: about 8 ms even from the
 * class-data archive, a tenth of what {@code show} takes (cli/bench/startup.sh). So the code these
 * commands run uses loops and small classes instead, and this test names any lambda that comes back.
 * ({@code list} and {@code overdue} still use streams in {@code Salesflow}; their start-up has no
 * target of its own.)
 */
class StartupPathTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @TempDir Path tmp;

  @Test
  void versionAndShowStartNoLambda() throws Exception {
    String ws = TestWorkspaces.examplesAt(tmp.resolve("acme")).toString();
    assertNoLambda(0, "--version");
    assertNoLambda(0, "-w", ws, "--now", NOW, "show", "ACME-2026-001");
    assertNoLambda(0, "-w", ws, "--now", NOW, "show", "ACME-2026-004");
    assertNoLambda(0, "-w", ws, "--now", NOW, "show", "ACME-2026-011");
  }

  @Test
  void showInAYearWithASchedulePaysNothingForTheStatutoryRule() throws Exception {
    // lunar-java (the statutory holidays of years without an official schedule) loads only when asked
    String ws = TestWorkspaces.examplesAt(tmp.resolve("lunar")).toString();
    String classes = FreshJvm.classesLoaded(tmp, 0, "-w", ws, "--now", NOW, "show", "ACME-2026-001").classes();
    assertThat(classes).contains("dev.salesflow.cli.Main ").doesNotContain("com.nlf.calendar");
    String statutory = FreshJvm.classesLoaded(tmp, 1, "-w", ws, "calendar", "is-working-day", "2027-01-01").classes();
    assertThat(statutory).contains("com.nlf.calendar.LunarYear "); // the check can fail
  }

  @Test
  void theLogNamesALambdaWhenOneRuns() throws Exception {
    // the check itself: picocli's help builds its model with lambdas, so the log must show them
    List<String> lambdas = lambdasLoaded(0, "--help");
    assertThat(lambdas).isNotEmpty();
  }

  private void assertNoLambda(int expectedCode, String... args) throws Exception {
    assertThat(lambdasLoaded(expectedCode, args)).as("lambda classes loaded by: salesflow " + String.join(" ", args))
        .isEmpty();
  }

  /** Runs salesflow in a fresh JVM and returns the lambda and method-handle classes it loaded. */
  private List<String> lambdasLoaded(int expectedCode, String... args) throws Exception {
    String classes = FreshJvm.classesLoaded(tmp, expectedCode, args).classes();
    assertThat(classes).contains("dev.salesflow.cli.Main ");
    List<String> found = new ArrayList<>();
    for (String line : classes.lines().toList()) {
      if (line.contains("$$Lambda") || line.contains("java.lang.invoke.LambdaMetafactory ")) {
        found.add(line.substring(line.indexOf(']', line.indexOf("class,load")) + 1).trim());
      }
    }
    return found;
  }
}
