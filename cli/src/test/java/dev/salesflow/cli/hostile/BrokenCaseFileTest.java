package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken case file beside the 14 good ones of the example workspace: every command that reads
 * many cases serves the 14, reports the broken file once on stderr as {@code check} reports it
 * (file:line:col, message, code), and exits 3; {@code --format json} keeps stdout valid JSON of
 * the 14 and puts a JSON line per finding on stderr. A command on the broken case itself still
 * refuses, naming its file; one on another case does not notice it.
 */
class BrokenCaseFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static Stream<Arguments> brokenFiles() {
    String good = Hostile.exampleCase("BAD-1");
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("merge-conflict markers", good.replace("owner: zhang.wei\n",
            "<<<<<<< HEAD\nowner: zhang.wei\n=======\nowner: li.na\n>>>>>>> theirs\n").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("bad UTF-8", withBytes(good.replace("needs:", "needs: \u0000MARK"), new byte[] {(byte) 0xC3, (byte) 0x28})),
        Arguments.of("huge amount", good.replace("type: contract_signed, by: zhang.wei, amount: 1850000",
            "type: contract_signed, by: zhang.wei, amount: 1e2147483647").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("amount out of range", good.replace("type: contract_signed, by: zhang.wei, amount: 1850000",
            "type: contract_signed, by: zhang.wei, amount: -5000000").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("unparsable timestamp", good.replaceFirst("registered_at: \\S+", "registered_at: 2026-13-45T25:00:00+08:00")
            .getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code text} (UTF-8) with the marker {@code \0MARK} replaced by {@code raw}. */
  private static byte[] withBytes(String text, byte[] raw) {
    String[] parts = text.split("\u0000MARK", 2);
    byte[] before = parts[0].getBytes(StandardCharsets.UTF_8);
    byte[] after = parts[1].getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[before.length + raw.length + after.length];
    System.arraycopy(before, 0, all, 0, before.length);
    System.arraycopy(raw, 0, all, before.length, raw.length);
    System.arraycopy(after, 0, all, before.length + raw.length, after.length);
    return all;
  }

  private Path workspaceWith(byte[] broken) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Files.write(ws.resolve("cases/BAD-1.yaml"), broken);
    return ws;
  }

  /** The error lines {@code check} gives the broken file: what every other command must print for it. */
  private static List<String> checkErrors(Path ws) {
    CliRun check = Hostile.run(ws, "check", "--sla", "off").assertNoStackTrace();
    assertThat(check.code()).as("%s", check).isEqualTo(1);
    List<String> errors = check.out().lines().filter(l -> l.startsWith("cases/BAD-1.yaml:") && l.contains(": error: ")).toList();
    assertThat(errors).as("%s", check).isNotEmpty();
    assertThat(check.out().lines().filter(l -> l.contains(": error: "))).as("only the broken file").hasSameSizeAs(errors);
    return errors;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void everyReadOfManyCasesServesTheRestAndReportsTheFileOnceAsCheckDoes(String kind, byte[] broken) throws IOException {
    Path ws = workspaceWith(broken);
    List<String> errors = checkErrors(ws);
    for (String[] args : new String[][] {{"list"}, {"list", "--format", "csv"}, {"list", "--owner", "zhang.wei"},
        {"overdue"}, {"overdue", "--format", "csv"}, {"report", "funnel"}, {"report", "owners"}, {"report", "forecast"}, {"export", "-"},
        {"export", "--events", "-"}}) {
      CliRun run = Hostile.run(ws, args).assertNoStackTrace();
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      for (String error : errors) {
        assertThat(run.err().lines().filter(error::equals)).as(what).hasSize(1);
      }
      assertThat(run.out()).as(what).doesNotContain("BAD-1");
    }
    CliRun list = Hostile.run(ws, "--format", "csv", "list");
    assertThat(list.outLines()).as("the 14 good cases and a header").hasSize(15);
    CliRun overdue = Hostile.run(ws, "overdue");
    assertThat(overdue.out()).as("breaches of the good cases are still reported").contains("ACME-2026-005");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void jsonStaysValidAndTheSkippedFileIsAJsonLineOnStderr(String kind, byte[] broken) throws IOException {
    Path ws = workspaceWith(broken);
    List<String> errors = checkErrors(ws);
    for (String[] args : new String[][] {{"list"}, {"overdue"}, {"report", "all"}}) {
      CliRun run = Hostile.run(ws, Stream.concat(Stream.of("--format", "json"), Stream.of(args)).toArray(String[]::new));
      String what = kind + ": salesflow --format json " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      JsonNode out = JSON.readTree(run.out());
      if (args[0].equals("list")) {
        assertThat(out.isArray()).as(what).isTrue();
        assertThat(out).as(what).hasSize(14);
      }
      assertThat(run.out()).as(what).doesNotContain("BAD-1");
      List<JsonNode> skipped = new ArrayList<>();
      for (String line : run.err().lines().toList()) {
        skipped.add(JSON.readTree(line)); // every stderr line is JSON
      }
      assertThat(skipped).as(what).hasSameSizeAs(errors);
      for (JsonNode s : skipped) {
        assertThat(s.get("skipped").asBoolean()).isTrue();
        assertThat(s.get("file").asText()).isEqualTo("cases/BAD-1.yaml");
        String line = "cases/BAD-1.yaml:" + s.get("line").asInt() + ":" + s.get("column").asInt() + ": error: "
            + s.get("message").asText() + " [" + s.get("code").asText() + " " + s.get("name").asText() + "]";
        assertThat(errors).as(what).contains(line);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void theBrokenCaseItselfIsRefusedAndAnotherCaseIsNotDisturbed(String kind, byte[] broken) throws IOException {
    Path ws = workspaceWith(broken);
    List<String> errors = checkErrors(ws);
    for (String[] args : new String[][] {{"show", "BAD-1"}, {"log", "BAD-1", "contacted", "--by", "zhang.wei"},
        {"advance", "BAD-1", "--to", "needs", "--by", "zhang.wei"}}) {
      CliRun run = Hostile.run(ws, args).assertNoStackTrace();
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isIn(2, 3);
      assertThat(run.err()).as(what).contains("BAD-1.yaml");
    }
    byte[] before = Files.readAllBytes(ws.resolve("cases/BAD-1.yaml"));
    assertThat(before).as("nothing written to the broken file").isEqualTo(broken);
    CliRun show = Hostile.run(ws, "show", "ACME-2026-002").assertNoStackTrace();
    assertThat(show.code()).as("%s", show).isZero();
    assertThat(show.err()).isEmpty();
    CliRun log = Hostile.run(ws, "log", "ACME-2026-005", "contacted", "--by", "zhang.wei", "--at", "2026-11-26T10:00:00+08:00");
    assertThat(log.code()).as("%s", log).isZero();
    assertThat(log.err()).doesNotContain("BAD-1");
    CliRun register = Hostile.run(ws, "register", "--company", "Other Co", "--industry", "pumps", "--contact-name", "Li",
        "--phone", "+86 512 5555 0199", "--source", "exhibition", "--priority", "B", "--owner", "zhang.wei",
        "--at", "2026-11-20T09:30:00+08:00");
    // register reads the other cases only for its duplicate warning: the broken one is named, the write decides the exit
    assertThat(register.code()).as("a registration that was made: %s", register).isZero();
    assertThat(register.out()).startsWith("ACME-2026-");
    assertThat(errors).isNotEmpty();
  }
}
