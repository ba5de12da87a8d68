package dev.salesflow.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in completion script is what the command model generates, and it completes in a real
 * bash (and zsh through bashcompinit, where zsh is installed).
 */
public class CompletionScriptTest {
  private static final Path CHECKED_IN = Path.of("../completions/salesflow.bash");

  @TempDir Path tmp;
  Path ws;

  @BeforeEach
  void workspace() throws IOException {
    ws = tmp.resolve("acme");
    TestWorkspaces.examplesAt(ws);
  }

  @Test
  void checkedInScriptIsAFreshGeneration() throws IOException {
    String fresh = CompletionScript.generate();
    if (Boolean.getBoolean("completion.update")) {
      Files.writeString(CHECKED_IN, fresh, StandardCharsets.UTF_8);
    }
    assertThat(CHECKED_IN).as("completions/salesflow.bash is missing").exists();
    assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
        .as("completions/salesflow.bash differs from what the commands generate; after an intended change run"
            + " 'mvn -B -q -pl cli test -Dtest=CompletionScriptTest -Dcompletion.update=true' and review the diff")
        .isEqualTo(fresh);
  }

  @Test
  void completionCommandPrintsTheScript() {
    CliRun run = CliRun.in(tmp, "completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(CompletionScript.generate());
    assertThat(run.out()).contains("complete -F _salesflow salesflow");
  }

  @Test
  void bashCompletesSubcommands() throws Exception {
    assertThat(bash(tmp, "salesflow", "adv")).containsExactly("advance");
    assertThat(bash(tmp, "salesflow", "s")).containsExactly("show", "shell");
    assertThat(bash(tmp, "salesflow", "--now", "2026-11-04T10:00", "ov")).containsExactly("overdue");
  }

  @Test
  void bashCompletesOptionsAndFixedValues() throws Exception {
    assertThat(bash(tmp, "salesflow", "advance", "--re")).containsExactly("--reason");
    assertThat(bash(tmp, "salesflow", "list", "--format", "j")).as("list's formats only").containsExactly("json");
    assertThat(bash(tmp, "salesflow", "check", "--format", "j")).containsExactly("json", "junit");
    assertThat(bash(tmp, "salesflow", "--format", "")).as("before the command: every format")
        .containsExactly("text", "json", "csv", "yaml", "junit", "sarif", "github", "md", "html");
    assertThat(bash(tmp, "salesflow", "report", "--format", "")).containsExactly("text", "json", "csv", "md", "html");
    assertThat(bash(tmp, "salesflow", "register", "--priority", "")).containsExactly("A", "B", "C");
    assertThat(bash(tmp, "salesflow", "check", "--sla", "w")).containsExactly("warn");
  }

  @Test
  void bashCompletesCaseIdsFromTheNearestWorkspaceAndFromDashW() throws Exception {
    Files.createDirectories(ws.resolve("cases/sub"));
    assertThat(bash(ws.resolve("cases/sub"), "salesflow", "show", "ACME-2026-01"))
        .containsExactly("ACME-2026-010", "ACME-2026-011", "ACME-2026-012", "ACME-2026-013", "ACME-2026-014");
    assertThat(bash(tmp, "salesflow", "-w", "acme", "log", "ACME-2026-00"))
        .hasSize(9)
        .contains("ACME-2026-001", "ACME-2026-009");
    assertThat(bash(tmp, "salesflow", "show", "ACME")).as("no workspace here").isEmpty();
  }

  @Test
  void bashAsksSalesflowForTheCaseIdsOfADatabaseStore() throws Exception {
    assertThat(CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", "sqlite:cases.db").code()).isZero();
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: sqlite:cases.db\n", java.nio.file.StandardOpenOption.APPEND);
    Files.move(ws.resolve("cases"), tmp.resolve("cases-elsewhere"));
    assertThat(bash(ws, "salesflow", "show", "ACME-2026-01"))
        .containsExactly("ACME-2026-010", "ACME-2026-011", "ACME-2026-012", "ACME-2026-013", "ACME-2026-014");
  }

  @Test
  void bashAsksSalesflowForStagesAndOwners() throws Exception {
    assertThat(bash(ws, "salesflow", "advance", "ACME-2026-001", "--to", "ne"))
        .containsExactly("needs", "negotiation");
    assertThat(bash(tmp, "salesflow", "-w", "acme", "list", "--owner", "z")).containsExactly("zhang.wei");
    assertThat(bash(ws, "salesflow", "report", "funnel", "--period-of", "")).startsWith("registration", "ended")
        .contains("reached:lead", "reached:negotiation", "reached:closed", "reached:lost");
    assertThat(bash(ws, "salesflow", "report", "funnel", "--period-of", "re"))
        .containsExactly("registration", "reached:lead", "reached:needs", "reached:solution", "reached:negotiation",
            "reached:delivery", "reached:after_sales", "reached:closed", "reached:lost");
    assertThat(bash(ws, "salesflow", "report", "funnel", "--period-of", "reached", ":", "ne"))
        .as("bash split the word at ':' and replaces only what follows it").containsExactly("needs", "negotiation");
  }

  @Test
  void zshCompletesThroughBashcompinit() throws Exception {
    Assumptions.assumeTrue(onPath("zsh"), "zsh is not installed");
    String script = """
        autoload -U +X compinit && compinit -u
        autoload -U +X bashcompinit && bashcompinit
        source %s
        # what bashcompinit's compgen -F does: run the function under sh emulation (0-based arrays)
        COMP_WORDS=(salesflow adv); COMP_CWORD=1; COMPREPLY=()
        emulate sh -c _salesflow
        print -r -- "${COMPREPLY[@]}"
        COMP_WORDS=(salesflow show ACME-2026-01); COMP_CWORD=2; COMPREPLY=()
        emulate sh -c _salesflow
        print -r -- "${COMPREPLY[@]}"
        """.formatted(CHECKED_IN.toAbsolutePath());
    Result r = run(ws, List.of("zsh", "-f", "-c", script));
    assertThat(r.out().lines().toList()).as(r.err())
        .containsExactly("advance", "ACME-2026-010 ACME-2026-011 ACME-2026-012 ACME-2026-013 ACME-2026-014");
  }

  @Test
  void zshAutoloadsUnderscoreSalesflowFromFpathAndRegistersTheBashCompletion() throws Exception {
    Assumptions.assumeTrue(onPath("zsh"), "zsh is not installed");
    // completions/_salesflow, as compinit autoloads it: its first call sources salesflow.bash beside
    // it (compadd fails outside a completion widget, after that) and leaves the bash function registered
    String script = """
        fpath=(%s $fpath)
        autoload -U +X compinit && compinit -u
        print -r -- "$_comps[salesflow]"
        _salesflow 2>/dev/null
        print -r -- "$_comps[salesflow]"
        COMP_WORDS=(salesflow adv); COMP_CWORD=1; COMPREPLY=()
        emulate sh -c _salesflow
        print -r -- "${COMPREPLY[@]}"
        """.formatted(CHECKED_IN.toAbsolutePath().getParent());
    Result r = run(ws, List.of("zsh", "-f", "-c", script));
    assertThat(r.out().lines().toList()).as(r.err())
        .containsExactly("_salesflow", "_bash_complete -F _salesflow", "advance");
  }

  /**
   * What the checked-in script offers for the last word in {@code words}, run in a real bash in
   * {@code cwd}; {@code salesflow} there is this build on the test classpath.
   */
  private static List<String> bash(Path cwd, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(FreshJvm.quote(w)).append(' ');
    }
    String script = "salesflow() { " + FreshJvm.shellLine(FreshJvm.salesflow(List.of("-Xshare:auto",
        "-XX:TieredStopAtLevel=1"))) + " \"$@\"; }\n"
        + "source " + FreshJvm.quote(CHECKED_IN.toAbsolutePath().toString()) + "\n"
        + "COMP_WORDS=(" + array + ")\n"
        + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
        + "COMP_POINT=${#COMP_LINE}\n"
        + "_salesflow salesflow \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Result r = run(cwd, List.of("bash", "--norc", "--noprofile", "-c", script));
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().filter(l -> !l.isEmpty()).toList();
  }

  record Result(int code, String out, String err) {}

  private static Result run(Path cwd, List<String> command) throws Exception {
    Path out = Files.createTempFile("completion", ".out");
    Path err = Files.createTempFile("completion", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put("HOME", cwd.toString());
      Process p = pb.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("completion finished in time").isTrue();
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  public static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
