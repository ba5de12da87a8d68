package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Amounts have a range (0 to 10^15) and a scale (four decimals): one hostile case file is one
 * finding for that file in check, and elsewhere a short error naming that file, line and field
 * (exit 3, as for any case file that cannot be read; the other cases are served), never an internal
 * error, an overflow or a gigabyte of digits; a case read on its own is served.
 */
class HostileAmountTest {
  @TempDir Path tmp;

  /** The example case with its signed amount replaced by {@code amount}; its advance to delivery follows. */
  private Path workspaceWith(String amount) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    String text = Hostile.exampleCase("BAD-1")
        .replace("type: contract_signed, by: zhang.wei, amount: 1850000", "type: contract_signed, by: zhang.wei, amount: " + amount);
    assertThat(text).contains("amount: " + amount + ",");
    Files.writeString(ws.resolve("cases/BAD-1.yaml"), text, StandardCharsets.UTF_8);
    return ws;
  }

  @ParameterizedTest(name = "amount: {0}")
  @ValueSource(strings = {"1e2147483647", "1e999999999", "-5000000", "1e400", ".nan", ".inf", "0x10", "1_000", "12.345678"})
  void oneBadAmountIsOneFindingAndEveryOtherCaseIsServed(String amount) throws IOException {
    Path ws = workspaceWith(amount);

    CliRun check = Hostile.run(ws, "check").assertNoStackTrace();
    assertThat(check.code()).as(check.all()).isEqualTo(1);
    assertThat(check.out()).contains("cases/BAD-1.yaml:").contains("must be a number from 0 to 1000000000000000")
        .doesNotContain("internal error");
    assertThat(check.out().lines().filter(l -> l.contains(": error: ")).toList())
        .allSatisfy(l -> assertThat(l).startsWith("cases/BAD-1.yaml:"));
    assertThat(check.all().length()).isLessThan(10_000);
    assertThat(Hostile.run(ws, "show", "ACME-2026-001").assertNoStackTrace().code()).isZero();
    for (String[] args : new String[][] {{"list"}, {"overdue"}, {"report", "funnel"}, {"report", "owners"}, {"report", "forecast"},
        {"show", "BAD-1"}, {"list", "--format", "json"}}) {
      CliRun run = Hostile.run(ws, args).assertNoStackTrace();
      assertThat(run.all()).as("%s", run).doesNotContain("internal error", "Exception", "overflow");
      assertThat(run.code()).as("%s", run).isEqualTo(3);
      assertThat(run.err()).as("%s", run).contains(args[args.length - 1].equals("json")
          ? "\"file\":\"cases/BAD-1.yaml\",\"line\":38,\"column\":83,\"severity\":\"error\",\"code\":\"SF104\""
          : "cases/BAD-1.yaml:38:83: error: field 'amount' must be a number from 0");
      assertThat(run.err().length()).as("one short finding").isLessThan(1_000);
    }
  }

  @Test
  void aNegativeContractDoesNotSkipTheGeneralManagersApproval() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    CliRun log = Hostile.run(ws, "log", "ACME-2026-002", "contract_signed", "--set", "amount=-5000000");
    assertThat(log.code()).as(log.all()).isEqualTo(2);
    assertThat(log.err()).contains("field 'amount' must be a number from 0 to 1000000000000000 with at most 4 decimals, got '-5000000'");
  }

  @ParameterizedTest(name = "amount={0}")
  @ValueSource(strings = {"1e999999999", "1e400", ".nan", ".inf", "0x10", "1_000", "-1", "1.23456"})
  void logRefusesAnAmountWithAShortMessage(String amount) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    CliRun log = Hostile.run(ws, "log", "ACME-2026-002", "contract_signed", "--set", "amount=" + amount);
    assertThat(log.code()).as(log.all()).isEqualTo(2);
    assertThat(log.err()).contains("must be a number from 0").hasSizeLessThan(400);
  }
}
