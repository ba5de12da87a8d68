package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code process:} and {@code calendar:} (and {@code schedules:}) read only regular files under the
 * workspace, of at most 16 MiB: a FIFO, a folder, /dev/zero, /dev/urandom, /proc/self/environ,
 * /etc/passwd, or a link inside the workspace to one of them, is a clear error at the setting, with
 * no hang, no unbounded read, and nothing of the file's content shown.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SettingsFileTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "process, fifo.yaml, is a FIFO, device or socket", "calendar, fifo.yaml, is a FIFO, device or socket",
      "process, folder.yaml, is a folder", "calendar, folder.yaml, is a folder",
      "process, /dev/zero, is outside the workspace", "calendar, urandom-link.yaml, is outside the workspace",
      "process, /proc/self/environ, is outside the workspace", "calendar, environ-link.yaml, is outside the workspace",
      "process, /etc/passwd, is outside the workspace", "calendar, ../outside.yaml, is outside the workspace",
      "process, passwd-link.yaml, is outside the workspace", "calendar, zero-link.yaml, is outside the workspace",
      "process, missing.yaml, does not exist"})
  void onlyRegularFilesUnderTheWorkspaceAreRead(String setting, String value, String reason) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Process mkfifo = new ProcessBuilder("mkfifo", ws.resolve("fifo.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createDirectory(ws.resolve("folder.yaml"));
    Files.createSymbolicLink(ws.resolve("passwd-link.yaml"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(ws.resolve("zero-link.yaml"), Path.of("/dev/zero"));
    Files.createSymbolicLink(ws.resolve("urandom-link.yaml"), Path.of("/dev/urandom"));
    Files.createSymbolicLink(ws.resolve("environ-link.yaml"), Path.of("/proc/self/environ"));
    Files.writeString(tmp.resolve("outside.yaml"), "secret: do-not-show\n");
    Path config = ws.resolve("salesflow.yaml");
    String text = Files.readString(config).replaceAll("(?m)^calendar:.*$", "");
    Files.writeString(config, text + "\n" + setting + ": " + value + "\n");

    for (String command : new String[] {"check", "list"}) {
      CliRun r = Hostile.run(ws, command);
      assertThat(r.code()).as("%s: %s", command, r).isNotZero().isNotEqualTo(4);
      assertThat(r.err() + r.out()).as(command)
          .contains("salesflow.yaml:").contains(reason)
          .doesNotContain("root:").doesNotContain("PATH=").doesNotContain("do-not-show")
          .doesNotContain("Exception");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"process", "calendar"})
  void aFileOver16MiBIsRefusedUnread(String setting) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path big = ws.resolve("big.yaml");
    try (var out = Files.newOutputStream(big, StandardOpenOption.CREATE_NEW)) {
      byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n".getBytes();
      for (long n = 0; n <= 16L * 1024 * 1024 / line.length; n++) {
        out.write(line);
      }
    }
    Path config = ws.resolve("salesflow.yaml");
    String text = Files.readString(config).replaceAll("(?m)^calendar:.*$", "");
    Files.writeString(config, text + "\n" + setting + ": big.yaml\n");
    CliRun r = Hostile.run(ws, "check");
    assertThat(r.code()).as("%s", r).isNotZero();
    assertThat(r.err() + r.out()).contains("big.yaml has 16,").contains("a settings file may hold");
  }
}
