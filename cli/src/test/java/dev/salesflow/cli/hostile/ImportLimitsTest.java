package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lead list is read only from a regular file of at most 64 MiB with lines of at most 1 MiB
 * characters; /dev/zero, a FIFO, a larger file or line is a clear error naming the file (and the
 * line), never an OutOfMemoryError or a hang; an unbalanced quote is {@code file:line: unbalanced
 * quote}, without a library's exception class.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ImportLimitsTest {
  @TempDir Path tmp;
  Path ws;

  @BeforeEach
  void workspace() {
    ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
  }

  @Test
  void devZeroAndAFifoAreRefusedUnread() throws Exception {
    Path fifo = tmp.resolve("leads.csv");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    for (String file : new String[] {"/dev/zero", fifo.toString()}) {
      CliRun r = Hostile.run(ws, "import", file);
      assertThat(r.code()).as("%s", r).isEqualTo(3);
      assertThat(r.err()).contains(file).contains("not a regular file").doesNotContain("Exception");
    }
  }

  @Test
  void aFileOver64MiBIsRefused() throws Exception {
    Path big = tmp.resolve("big.csv");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] row = "ACME,retail,Li,123,online,B,li.na\n".getBytes();
      for (long n = 0; n <= 64L * 1024 * 1024 / row.length; n++) {
        out.write(row);
      }
    }
    CliRun r = Hostile.run(ws, "import", big.toString());
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains(big.toString()).contains("more than 67,108,864 bytes");
  }

  @Test
  void aLineOver1MiBIsRefusedWithItsNumber() throws Exception {
    Path wide = tmp.resolve("wide.csv");
    Files.writeString(wide, "company,industry\nACME," + "x".repeat(1024 * 1024 + 1) + "\n");
    CliRun r = Hostile.run(ws, "import", wide.toString());
    assertThat(r.code()).as("%s", r).isNotZero();
    assertThat(r.err()).contains(wide + ":2: the line has 1,048,582 characters");
  }

  @Test
  void anUnbalancedQuoteNamesFileAndLine() throws Exception {
    Path quoted = tmp.resolve("quoted.csv");
    Files.writeString(quoted, "company,industry\nACME,retail\n\"Open,retail\nmore\n");
    CliRun r = Hostile.run(ws, "import", quoted.toString());
    assertThat(r.code()).as("%s", r).isNotZero();
    assertThat(r.err()).contains(quoted + ":3: unbalanced quote").doesNotContain("Exception");
  }
}
