package dev.salesflow.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesflow shell}, and {@code register}'s questions, in a real terminal (tmux): completion
 * of commands, case ids and stages, Ctrl-C and Ctrl-D, history kept per workspace.
 */
class ShellTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final String PROMPT = "salesflow:acme>";

  @TempDir Path tmp;
  Path ws;
  Path state;

  @BeforeEach
  void workspace() {
    ws = TestWorkspaces.examplesAt(tmp.resolve("acme"));
    state = tmp.resolve("state");
  }

  private Tmux salesflow(String... args) throws Exception {
    List<String> command = FreshJvm.salesflow(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
    return Tmux.start(tmp, tmp, Map.of("XDG_STATE_HOME", state.toString(), "LANG", "en_US.UTF-8"),
        FreshJvm.shellLine(command));
  }

  private Tmux shell() throws Exception {
    Tmux tmux = salesflow("-w", ws.toString(), "--now", NOW, "shell");
    tmux.awaitLastLine(PROMPT);
    return tmux;
  }

  @Test
  void completesCommandsCaseIdsAndStagesRunsThemAndKeepsHistory() throws Exception {
    Path case14 = ws.resolve("cases/ACME-2026-014.yaml");
    byte[] before = Files.readAllBytes(case14);
    try (Tmux tmux = shell()) {
      assertThat(tmux.screen()).contains("salesflow shell on " + ws);

      tmux.type("adv");
      tmux.send("Tab");
      tmux.awaitLastLine(PROMPT + " advance");
      tmux.send("C-u");
      tmux.awaitLastLine(PROMPT);

      tmux.type("help adv");
      tmux.send("Tab");
      tmux.awaitLastLine(PROMPT + " help advance");
      tmux.send("Enter");
      tmux.await("advance's help", s -> s.contains("Move a case to another stage.") && Tmux.lastLine(s).equals(PROMPT));
      tmux.send("C-l");

      tmux.type("show ACME-2026-01");
      tmux.send("Tab");
      String listed = tmux.await("the case ids ACME-2026-010..014",
          s -> s.contains("ACME-2026-010") && s.contains("ACME-2026-014"));
      assertThat(listed).contains("ACME-2026-011", "ACME-2026-012", "ACME-2026-013").doesNotContain("ACME-2026-001 ");
      tmux.type("4");
      tmux.send("Enter");
      tmux.await("show's output", s -> s.contains("History") && Tmux.lastLine(s).equals(PROMPT));

      tmux.type("list --stage neg");
      tmux.send("Tab");
      tmux.awaitLastLine(PROMPT + " list --stage negotiation");
      tmux.send("Enter");
      assertThat(tmux.await("list's output", s -> s.contains("Negotiation and contract") && Tmux.lastLine(s).equals(PROMPT)))
          .contains("ACME-2026-002");

      tmux.type("log ACME-2026-014 meeting");
      tmux.send("C-c");
      tmux.awaitLastLine(PROMPT);

      tmux.send("C-d");
      tmux.await("[exited 0]");
    }
    assertThat(Files.readAllBytes(case14)).as("Ctrl-C ran nothing").isEqualTo(before);
    Path history = onlyFile(state.resolve("salesflow/history"));
    assertThat(history.getFileName().toString()).startsWith("acme-");
    assertThat(Files.readString(history, StandardCharsets.UTF_8))
        .contains("show ACME-2026-014", "list --stage negotiation")
        .doesNotContain("log ACME-2026-014");

    try (Tmux again = shell()) {
      again.send("Up");
      again.awaitLastLine(PROMPT + " list --stage negotiation");
      again.send("C-u");
      again.type("exit");
      again.send("Enter");
      again.await("[exited 0]");
    }
  }

  @Test
  void registerInTheShellAsksForWhatIsMissingCompletingTheSource() throws Exception {
    try (Tmux tmux = shell()) {
      tmux.type("register --company \"Acme Ltd\" --industry machinery --contact-name Li --owner zhang.wei");
      tmux.send("Enter");
      tmux.awaitLastLine("source (exhibition/online/referral/research/other):");
      tmux.type("exh");
      tmux.send("Tab");
      tmux.awaitLastLine("source (exhibition/online/referral/research/other): exhibition");
      tmux.send("Enter");
      tmux.awaitLastLine("priority (A/B/C):");
      tmux.type("B");
      tmux.send("Enter");
      tmux.awaitLastLine("phone (needed to leave lead; empty to skip):");
      tmux.send("Enter");
      tmux.awaitLastLine("email (needed to leave lead; empty to skip):");
      tmux.type("li@acme.example");
      tmux.send("Enter");
      tmux.await("the new id and a prompt", s -> s.contains("ACME-2026-015") && Tmux.lastLine(s).equals(PROMPT));
      tmux.send("C-d");
      tmux.await("[exited 0]");
    }
    String created = Files.readString(ws.resolve("cases/ACME-2026-015.yaml"), StandardCharsets.UTF_8);
    assertThat(created).contains("company: Acme Ltd", "source: exhibition", "priority: B", "owner: zhang.wei",
        "email: li@acme.example").doesNotContain("phone");
  }

  @Test
  void registerOnATerminalAsksForWhatIsMissing() throws Exception {
    try (Tmux tmux = salesflow("-w", ws.toString(), "--now", NOW, "register", "--company", "Acme Ltd",
        "--industry", "machinery", "--contact-name", "Li", "--source", "online", "--priority", "C")) {
      tmux.awaitLastLine("owner:");
      tmux.type("li.na");
      tmux.send("Enter");
      tmux.awaitLastLine("phone (needed to leave lead; empty to skip):");
      tmux.type("+86 512 5555 0123");
      tmux.send("Enter");
      tmux.awaitLastLine("email (needed to leave lead; empty to skip):");
      tmux.send("Enter");
      assertThat(tmux.await("[exited 0]")).contains("ACME-2026-015");
    }
    assertThat(Files.readString(ws.resolve("cases/ACME-2026-015.yaml"), StandardCharsets.UTF_8))
        .contains("owner: li.na", "+86 512 5555 0123").doesNotContain("email");
  }

  @Test
  void registerOnATerminalDoesNotAskForPhoneOrEmailWhenOneIsGiven() throws Exception {
    try (Tmux tmux = salesflow("-w", ws.toString(), "--now", NOW, "register", "--company", "Acme Ltd",
        "--industry", "machinery", "--contact-name", "Li", "--source", "online", "--priority", "C", "--owner", "li.na",
        "--email", "li@acme.example")) {
      assertThat(tmux.await("[exited 0]")).contains("ACME-2026-015").doesNotContain("phone");
    }
  }

  @Test
  void checkAndMigrateDrawAProgressBarOnATerminalAndNothingElsewhere() throws Exception {
    String template = Files.readString(ws.resolve("cases/ACME-2026-001.yaml"), StandardCharsets.UTF_8);
    for (int i = 1; i <= 1200; i++) {
      String id = String.format("LOAD-2026-%04d", i);
      Files.writeString(ws.resolve("cases/" + id + ".yaml"), template.replace("id: ACME-2026-001", "id: " + id),
          StandardCharsets.UTF_8);
    }
    Path recorded = tmp.resolve("terminal.txt");
    Path redirected = tmp.resolve("stderr.txt");
    List<String> check = FreshJvm.salesflow(List.of(), "-w", ws.toString(), "--now", NOW, "check", "--sla", "off");
    List<String> migrate = FreshJvm.salesflow(List.of(), "-w", ws.toString(), "migrate", "--to", "sqlite:" + tmp.resolve("a.db"));
    List<String> migrateAgain = FreshJvm.salesflow(List.of(), "-w", ws.toString(), "migrate", "--to", "sqlite:" + tmp.resolve("b.db"));
    try (Tmux tmux = Tmux.start(tmp, tmp, Map.of("LANG", "en_US.UTF-8"),
        "read -r go; " + FreshJvm.shellLine(check) + " > /dev/null; " + FreshJvm.shellLine(check) + " > /dev/null 2> " + FreshJvm.quote(redirected.toString())
            + "; " + FreshJvm.shellLine(migrate) + "; " + FreshJvm.shellLine(migrateAgain) + " 2>> " + FreshJvm.quote(redirected.toString()))) {
      tmux.record(recorded);
      tmux.send("Enter");
      // four fresh JVMs over 1,214 files: minutes on a loaded machine, so more than the usual patience
      tmux.await("[exited", java.time.Duration.ofMinutes(4));
    }
    String terminal = Files.readString(recorded, StandardCharsets.UTF_8);
    assertThat(terminal).contains("checking [", "1,214/1,214 files", "\r\u001b[K", "Checked ");
    assertThat(terminal).contains("migrating [", "1,214/1,214 cases", "migrated 1214 cases");
    assertThat(Files.readString(redirected, StandardCharsets.UTF_8)).contains("Checked ", "migrated 1214 cases")
        .doesNotContain("checking [", "migrating [");
  }

  private static Path onlyFile(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }
}
