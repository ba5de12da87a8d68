package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.FreshJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch}: many commands in one run, on real workspaces (case files and SQLite). */
class BatchCommandTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void init() {
    ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
  }

  private CliRun batch(String input, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", NOW, "batch"));
    all.addAll(List.of(args));
    return CliRun.withInput(dir, input, all.toArray(String[]::new));
  }

  private static String register(String id, String company) {
    return "register --id " + id + " --company '" + company + "' --industry manufacturing --contact-name \"王 磊\""
        + " --phone '+86 512 5555 0101' --source exhibition --priority A --owner zhang.wei --need parts"
        + " --at 2026-11-02T09:30:00+08:00\n";
  }

  private List<JsonNode> results(CliRun run) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : run.outLines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void runsShellQuotedAndJsonLinesPrintingOneJsonResultEach() throws Exception {
    String input = "# set-up\n" + register("ACME-2026-001", "Acme Ltd")
        + "\n"
        + "log ACME-2026-001 meeting --by zhang.wei --at 2026-11-03T14:00 --note 'first \"real\" meeting'\n"
        + "advance ACME-2026-001 --to needs --at 2026-11-03T15:00\n"
        + "{\"cmd\": \"log\", \"type\": \"requirements_recorded\", \"case\": \"ACME-2026-001\", \"at\": \"2026-11-04T10:00\","
        + " \"by\": \"zhang.wei\", \"dry_run\": false}\n"
        + "salesflow show ACME-2026-001\n";
    CliRun run = batch(input, "--format", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    List<JsonNode> results = results(run);
    assertThat(results).hasSize(5);
    assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(2, 4, 5, 6, 7);
    assertThat(results).extracting(r -> r.get("exit").asInt()).containsOnly(0);
    assertThat(results.get(1).get("output").get("note").asText()).isEqualTo("first \"real\" meeting");
    assertThat(results.get(3).get("output").get("type").asText()).isEqualTo("requirements_recorded");
    JsonNode shown = results.get(4).get("output");
    assertThat(shown.get("customer").get("contact").get("name").asText()).isEqualTo("王 磊");
    assertThat(shown.get("events")).hasSize(3);
    assertThat(Files.readString(ws.resolve("cases/ACME-2026-001.yaml"))).contains("requirements_recorded");
  }

  @Test
  void stopsAtTheFirstFailureUnlessKeepGoingAndExitsWithTheWorstCode() throws Exception {
    String input = register("ACME-2026-001", "Acme Ltd")
        + "advance ACME-2026-001 --to solution\n"           // refused: exit 1
        + "log NOPE-1 meeting\n"                            // unknown case: exit 2
        + "log ACME-2026-001 meeting --note 'unclosed\n"     // cannot be read: exit 2
        + "log ACME-2026-001 meeting --at 2026-11-03T14:00\n";
    CliRun stopped = batch(input, "--format", "json");
    assertThat(stopped.code()).isEqualTo(1);
    List<JsonNode> first = results(stopped);
    assertThat(first).hasSize(2);
    assertThat(first.get(1).get("error").get("kind").asText()).isEqualTo("findings");
    assertThat(first.get(1).get("error").get("message").asText()).contains("cannot advance");
    assertThat(stopped.err()).contains("stopped at line 2");
    assertThat(Files.readString(ws.resolve("cases/ACME-2026-001.yaml"))).doesNotContain("meeting");

    CliRun all = batch(input.replace("register --id ACME-2026-001", "register --id ACME-2026-002"), "--format", "json", "--keep-going");
    assertThat(all.code()).isEqualTo(2);
    List<JsonNode> each = results(all);
    assertThat(each).extracting(r -> r.get("exit").asInt()).containsExactly(0, 1, 2, 2, 0);
    assertThat(each.get(2).get("error").get("message").asText()).contains("NOPE-1");
    assertThat(each.get(3).get("error").get("message").asText()).contains("line 4", "unclosed ' quote");
    assertThat(Files.readString(ws.resolve("cases/ACME-2026-001.yaml"))).contains("type: meeting");
  }

  @Test
  void textModePrintsWhatEachCommandPrintsAndNamesTheLineThatFailed() {
    CliRun run = batch(register("ACME-2026-001", "Acme Ltd") + "list --format csv\nshell\nlog ACME-2026-001 meeting\n");
    assertThat(run.code()).isEqualTo(2);
    CliRun going = batch("log NOPE-1 meeting\nlist --format csv\n", "--keep-going");
    assertThat(going.code()).isEqualTo(2);
    assertThat(going.err()).contains("salesflow: batch: line 1 failed (exit 2): log NOPE-1 meeting");
    assertThat(going.out()).contains("ACME-2026-001");
    assertThat(run.out()).contains("ACME-2026-001").contains(",");
    assertThat(run.err()).contains("line 3: 'shell' cannot run inside a batch", "stopped at line 3");
  }

  @Test
  void oneSqliteStoreServesEveryLineAndAFileOfCommandsWorksLikeStdin() throws Exception {
    StringBuilder input = new StringBuilder(register("ACME-2026-001", "Acme Ltd"));
    for (int i = 0; i < 200; i++) {
      input.append("log ACME-2026-001 note --note n").append(i).append(" --at 2026-11-03T14:00\n");
    }
    Path file = dir.resolve("commands.txt");
    Files.writeString(file, input, StandardCharsets.UTF_8);
    CliRun run = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--store", "sqlite:" + dir.resolve("cases.db"), "-q", "batch", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    CliRun shown = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--store", "sqlite:" + dir.resolve("cases.db"), "show", "ACME-2026-001",
        "--format", "json");
    assertThat(JSON.readTree(shown.out()).get("events")).hasSize(200);
  }

  @Test
  void theShellRefusesStdinThatIsNoTerminalPointingAtBatch() throws Exception {
    Path err = dir.resolve("err.txt");
    Path out = dir.resolve("out.txt");
    Path in = dir.resolve("in.txt");
    Files.writeString(in, "list\n");
    Process p = new ProcessBuilder(FreshJvm.salesflow(List.of(), "-w", ws.toString(), "shell"))
        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(out)).isEmpty();
    assertThat(Files.readString(err)).contains("not a terminal", "salesflow batch");
  }

  @Test
  void splitsLinesAsAShellDoes() {
    assertThat(BatchLine.split("log A-1 note --note 'a b' --set \"k=v \\\"q\\\"\" x\\ y ''"))
        .containsExactly("log", "A-1", "note", "--note", "a b", "--set", "k=v \"q\"", "x y", "");
    assertThat(BatchLine.of(1, "{\"cmd\": \"report funnel\", \"set\": {\"a\": 1}, \"args\": [\"x\"], \"quiet\": true}").words())
        .containsExactly("report", "funnel", "x", "--set", "a=1", "--quiet");
  }
}
