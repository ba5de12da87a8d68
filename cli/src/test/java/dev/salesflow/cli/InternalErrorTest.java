package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug exits 4 ("internal error", a request to report it), apart from a store or file that cannot
 * be read (3): through the one mapping from exceptions to exit codes.
 */
class InternalErrorTest {
  @TempDir Path tmp;

  /**
   * A database edited by hand (with the {@code sqlite3} shell, say) to hold, in a column of the
   * report facts that only salesflow derives and writes, a value it never writes: the SQL reports
   * fail in a way no salesflow code expects, so the exception that surfaces is not one of
   * salesflow's (today a NumberFormatException). A bad value in a column another program may
   * write (a priority {@code Z}) is a bad row instead, named with exit 3 ({@code hostile/BadRowTest}).
   */
  private Path workspaceWithABrokenReportFact() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    CliRun migrate = CliRun.in(ws, "migrate", "--to", "sqlite:cases.db");
    assertThat(migrate.code()).as("%s", migrate).isZero();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("cases.db"));
        Statement s = db.createStatement()) {
      assertThat(s.executeUpdate("UPDATE cases SET unknown_years = 'x,y' WHERE id = 'ACME-2026-001'")).isPositive(); // and the rows of the report triggers
    }
    return ws;
  }

  @Test
  void anUnexpectedExceptionExits4AsAnInternalErrorWithoutAStackTrace() throws Exception {
    Path ws = workspaceWithABrokenReportFact();
    CliRun show = CliRun.in(ws, "--store", "sqlite:cases.db", "report", "all");
    assertThat(show.code()).as("%s", show).isEqualTo(ExitCode.INTERNAL.code()).isEqualTo(4);
    assertThat(show.out()).isEmpty();
    assertThat(show.err()).as("%s", show)
        .startsWith("salesflow: internal error: ")
        .contains("this is a bug in salesflow; please report it", "--verbose")
        .doesNotContain("\tat ");

    CliRun verbose = CliRun.in(ws, "--store", "sqlite:cases.db", "--verbose", "report", "all");
    assertThat(verbose.code()).as("%s", verbose).isEqualTo(4);
    assertThat(verbose.err()).contains("salesflow: internal error: ", "please report it with this output", "\tat ");
  }

  @Test
  void theOtherCasesOfTheSameStoreStillWork() throws Exception {
    Path ws = workspaceWithABrokenReportFact();
    CliRun other = CliRun.in(ws, "--store", "sqlite:cases.db", "show", "ACME-2026-002");
    assertThat(other.code()).as("%s", other).isZero();
  }

  @Test
  void salesflowsOwnFailuresAndIoKeepTheirCodesAndEverythingElseIsInternal() {
    assertThat(Main.exitCodeOf(new StoreException("cannot open x.db"))).isEqualTo(ExitCode.IO);
    assertThat(Main.exitCodeOf(new UncheckedIOException(new IOException("No space left on device"))))
        .isEqualTo(ExitCode.IO);
    assertThat(Main.exitCodeOf(new IOException("disk"))).isEqualTo(ExitCode.IO);
    assertThat(Main.exitCodeOf(new InvalidRequestException("bad"))).isEqualTo(ExitCode.USAGE);
    assertThat(Main.exitCodeOf(new CaseNotFoundException("X-1", "case folder cases"))).isEqualTo(ExitCode.USAGE);
    for (RuntimeException bug : List.of(new NullPointerException(), new IllegalStateException("x"),
        new IllegalArgumentException("x"), new ArrayIndexOutOfBoundsException(3), new ClassCastException())) {
      assertThat(Main.exitCodeOf(bug)).as("%s", bug).isEqualTo(ExitCode.INTERNAL);
    }
  }

  @Test
  void anIoFailureOutsideTheStoreIsWordedAsOneNotAsABug() {
    java.io.StringWriter err = new java.io.StringWriter();
    new dev.salesflow.cli.output.Reporter(new java.io.PrintWriter(err), false)
        .failure(new UncheckedIOException(new IOException("No space left on device")), ExitCode.IO);
    assertThat(err.toString()).isEqualTo("salesflow: input/output error: No space left on device"
        + System.lineSeparator());
  }
}
