package dev.salesflow.cli.docs;

import static dev.salesflow.cli.completion.CompletionScriptTest.onPath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in man pages ({@code man/man1/}) are what the command model generates, one per
 * visible command, and {@code man} renders each without a warning.
 */
class ManPagesTest {
  private static final Path CHECKED_IN = Path.of("../man/man1");

  @TempDir Path tmp;

  @Test
  void checkedInPagesAreAFreshGeneration() throws IOException {
    Map<String, String> fresh = ManPages.generate();
    if (Boolean.getBoolean("man.update")) {
      Files.createDirectories(CHECKED_IN);
      for (String old : checkedIn()) {
        Files.delete(CHECKED_IN.resolve(old));
      }
      for (Map.Entry<String, String> page : fresh.entrySet()) {
        Files.writeString(CHECKED_IN.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
      }
    }
    String hint = "after an intended change run 'mvn -B -o -q -pl cli -am test -Dtest=ManPagesTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dman.update=true' and review the diff";
    assertThat(checkedIn()).as("the pages in man/man1/; " + hint).isEqualTo(new TreeSet<>(fresh.keySet()));
    for (Map.Entry<String, String> page : fresh.entrySet()) {
      assertThat(Files.readString(CHECKED_IN.resolve(page.getKey()), StandardCharsets.UTF_8))
          .as("man/man1/" + page.getKey() + " differs from what the commands generate; " + hint)
          .isEqualTo(page.getValue());
    }
  }

  @Test
  void everyVisibleCommandHasAPageThatSaysWhatItsHelpSays() {
    Map<String, String> pages = ManPages.generate();
    assertThat(pages.keySet()).first().isEqualTo("salesflow.1");
    assertThat(pages).containsKeys("salesflow-overdue.1", "salesflow-show.1", "salesflow-completion.1")
        .doesNotContainKey("salesflow-__complete.1")
        .hasSize(commandsListedByHelp().size() + 1);
    for (String command : commandsListedByHelp()) {
      assertThat(pages).containsKey("salesflow-" + command + ".1");
    }
    assertThat(pages.get("salesflow-advance.1"))
        .contains(".SH NAME\nsalesflow\\-advance \\- Move a case to another stage\n")
        .contains("\\fB\\-\\-to\\fR=\\fISTAGE\\fR \\fICASE\\fR\n")
        .contains(".TP\n\\fB\\-\\-reason\\fR=\\fITEXT\\fR\nWhy (required for rework and lost).\n");
    assertThat(pages.get("salesflow.1")).contains(".TP\n\\fBsalesflow\\-overdue\\fR(1)\n");
  }

  /** The commands {@code salesflow --help} lists, read from its output as a user sees it. */
  private static List<String> commandsListedByHelp() {
    String help = CliRun.in(Path.of("."), "--help").out();
    String commands = help.substring(help.indexOf("Commands:\n") + "Commands:\n".length(), help.indexOf("\n\n", help.indexOf("Commands:")));
    List<String> names = new ArrayList<>();
    for (String line : commands.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        names.add(line.trim().split(" ")[0]);
      }
    }
    return names;
  }

  @Test
  void roffTextKeepsHyphensBackslashesAndLeadingDots() {
    assertThat(ManPages.text("--due-within")).isEqualTo("\\-\\-due\\-within");
    assertThat(ManPages.text("a\\b")).isEqualTo("a\\eb");
    assertThat(ManPages.text(".hidden")).isEqualTo("\\&.hidden");
    assertThat(ManPages.text("'quoted'")).isEqualTo("\\&'quoted'");
  }

  @Test
  void manRendersEveryPageWithoutWarnings() throws Exception {
    Assumptions.assumeTrue(onPath("man"), "man is not installed");
    for (Map.Entry<String, String> page : ManPages.generate().entrySet()) {
      Path file = tmp.resolve(page.getKey());
      Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
      Rendered r = man(file);
      assertThat(r.code()).as(page.getKey() + ": " + r.err()).isZero();
      assertThat(r.err()).as(page.getKey() + " renders with warnings").isEmpty();
      assertThat(r.out()).as(page.getKey()).contains("NAME", "SYNOPSIS", "SEE ALSO");
    }
  }

  @Test
  void theWarningCheckSeesABrokenPage() throws Exception {
    Assumptions.assumeTrue(onPath("man"), "man is not installed");
    Path broken = tmp.resolve("broken.1");
    Files.writeString(broken, ".TH BROKEN 1\n.SH NAME\nbroken \\- a page\n.NOSUCHMACRO\n\\fBunclosed \\[nosuchglyph]\n");
    assertThat(man(broken).err()).isNotEmpty();
  }

  record Rendered(int code, String out, String err) {}

  /** {@code man --warnings -l FILE}, rendered for an 80-column terminal in UTF-8. */
  private Rendered man(Path file) throws Exception {
    Path out = tmp.resolve("man.out");
    Path err = tmp.resolve("man.err");
    ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-E", "UTF-8", "-l", file.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("MANWIDTH", "80");
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().put("MANPAGER", "cat");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("man finished in time").isTrue();
    return new Rendered(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static TreeSet<String> checkedIn() throws IOException {
    if (!Files.isDirectory(CHECKED_IN)) {
      return new TreeSet<>();
    }
    try (Stream<Path> files = Files.list(CHECKED_IN)) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1")).toList());
    }
  }
}
