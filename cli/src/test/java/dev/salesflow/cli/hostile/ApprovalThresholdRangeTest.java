package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code approval_threshold} is an amount: the range and decimals of event amounts ({@code
 * Amounts}), refused otherwise as any settings error is, at its place, naming the field and the
 * range, before any case is read.
 */
class ApprovalThresholdRangeTest {
  @TempDir Path tmp;

  private Path workspaceWith(String threshold) throws Exception {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path config = ws.resolve("salesflow.yaml");
    String text = Files.readString(config);
    assertThat(text).containsPattern("(?m)^approval_threshold: ");
    Files.writeString(config, text.replaceAll("(?m)^approval_threshold: .*$", "approval_threshold: " + threshold));
    return ws;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "1e2147483647", "1000000000000001", "1000000.12345"})
  void anAmountOutOfRangeIsRefusedAtItsPlace(String threshold) throws Exception {
    Path ws = workspaceWith(threshold);
    int line = Files.readString(ws.resolve("salesflow.yaml")).lines().toList().indexOf("approval_threshold: " + threshold) + 1;
    for (String[] args : new String[][] {{"list"}, {"check", "--sla", "off"}, {"show", "ACME-2026-001"}}) {
      CliRun run = Hostile.run(ws, args).assertNoStackTrace();
      String what = "salesflow " + String.join(" ", args) + "\n" + run;
      // check reports a settings error as its finding (exit 1), as it does every other one; the rest refuse to start
      assertThat(run.code()).as(what).isEqualTo(args[0].equals("check") ? 1 : 2);
      assertThat(run.all()).as(what).contains("salesflow.yaml:" + line + ":21: error: approval_threshold must be a number"
          + " from 0 to 1000000000000000 with at most 4 decimals, got '" + threshold + "' [SF104 bad-value]");
      assertThat(run.out()).as(what).doesNotContain("ACME-2026-001 ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1000000", "1000000.0", "1000000000000000", "2500000.5"})
  void anAmountInRangeIsAccepted(String threshold) throws Exception {
    Path ws = workspaceWith(threshold);
    CliRun list = Hostile.run(ws, "list");
    assertThat(list.code()).as("%s", list).isZero();
  }
}
