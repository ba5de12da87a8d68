package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failed write to stdout (a full disk) exits 3 with a message, so a script does not take an
 * empty result for a success; a reader that went away (a closed pipe, {@code | head}) stays quiet.
 */
class OutputLossTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list --format json", "show ACME-2026-001", "export -", "check --format json", "list"})
  void aWriterThatFailsExitsThreeWithAMessage(String command) {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Writer failing = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("--now", Hostile.NOW));
    args.addAll(List.of(command.split(" ")));
    int code = Main.run(new PrintWriter(failing), new PrintWriter(err), Map.of(), ws, args.toArray(String[]::new));
    assertThat(code).as(err.toString()).isEqualTo(3);
    assertThat(err.toString()).contains("salesflow: could not write the output to stdout");
  }

  @Test
  void stdoutOnDevFullExitsThree() throws Exception {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path errFile = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(FreshJvm.salesflow(List.of(), "-w", ws.toString(), "--now", Hostile.NOW,
        "list", "--format", "json"))
        .redirectInput(new File("/dev/null")).redirectOutput(new File("/dev/full")).redirectError(errFile.toFile())
        .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err).contains("could not write the output to stdout: No space left on device").doesNotContain("Exception");
  }

  @Test
  void aClosedPipeStaysQuiet() throws Exception {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path errFile = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(FreshJvm.salesflow(List.of(), "-w", ws.toString(), "--now", Hostile.NOW, "export", "-"))
        .redirectInput(new File("/dev/null")).redirectError(errFile.toFile())
        .start();
    p.getInputStream().close(); // the reader goes away before salesflow writes
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(errFile, StandardCharsets.UTF_8)).isEmpty();
  }
}
