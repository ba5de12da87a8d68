package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
   * Runs salesflow in the examples with an output that fails in a way no salesflow code expects
   * (an {@link IllegalStateException} from the writer, where a real stream throws IOException): the
   * one vehicle for a bug that does not depend on one, since every bad input found so far now has a
   * worded failure of its own (a broken report fact is a bad row, {@code hostile/BadRowTest}).
   */
  private CliRun withBrokenOutput(String... args) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws" + args.length));
    java.io.Writer broken = new java.io.Writer() {
      @Override
      public void write(char[] chars, int off, int len) {
        throw new IllegalStateException("an unexpected failure");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.run(new java.io.PrintWriter(broken), new java.io.PrintWriter(err, true), java.util.Map.of("LANG", "en_US.UTF-8"),
        ws, args);
    return new CliRun(code, "", err.toString());
  }

  @Test
  void anUnexpectedExceptionExits4AsAnInternalErrorWithoutAStackTrace() throws Exception {
    CliRun list = withBrokenOutput("list");
    assertThat(list.code()).as("%s", list).isEqualTo(ExitCode.INTERNAL.code()).isEqualTo(4);
    assertThat(list.err()).as("%s", list)
        .startsWith("salesflow: internal error: ")
        .contains("an unexpected failure", "this is a bug in salesflow; please report it", "--verbose")
        .doesNotContain("\tat ");

    CliRun verbose = withBrokenOutput("--verbose", "list");
    assertThat(verbose.code()).as("%s", verbose).isEqualTo(4);
    assertThat(verbose.err()).contains("salesflow: internal error: ", "please report it with this output", "\tat ");
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
    new dev.salesflow.cli.output.Reporter(new java.io.PrintWriter(err), false, "en", java.nio.file.Path.of(""))
        .failure(new UncheckedIOException(new IOException("No space left on device")), ExitCode.IO);
    assertThat(err.toString()).isEqualTo("salesflow: input/output error: No space left on device"
        + System.lineSeparator());
  }
}
