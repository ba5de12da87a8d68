package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A case file arriving in a pull request, or a lead list from an exhibition, cannot drive the
 * terminal of whoever runs salesflow: every text output (tables, show, reports, messages echoing
 * input) shows control characters, bidi overrides and zero-width characters as visible escapes,
 * and register, log and import refuse them in one-line fields, naming the field.
 */
class TerminalInjectionTest {
  /** What must never reach a terminal raw: ESC, BEL, a C1 CSI, a right-to-left override, a zero-width space. */
  private static final List<String> HIDDEN = List.of("\u001b", "\u0007", "\u009b", "\u202e", "\u200b");

  @TempDir Path tmp;
  Path ws;

  @BeforeEach
  void hostileCase() throws IOException {
    ws = Hostile.examplesAt(tmp.resolve("ws"));
    String evil = Hostile.exampleCase("EVIL-1")
        .replace("company: 苏州精工机械有限公司", "company: \"Evil\\e]0;pwned\\aCo\\e[2J\\u009b1m\"")
        .replace("name: 王磊", "name: \"A\\e[31mRED\\u202eGNP.exe\"")
        .replace("owner: zhang.wei", "owner: \"zhang\\u200b.wei\"");
    Files.writeString(ws.resolve("cases/EVIL-1.yaml"), evil, StandardCharsets.UTF_8);
  }

  private static void assertVisible(CliRun run) {
    run.assertNoStackTrace();
    for (String c : HIDDEN) {
      assertThat(run.out()).as("stdout of %s", run).doesNotContain(c);
      assertThat(run.err()).as("stderr of %s", run).doesNotContain(c);
    }
  }

  @Test
  void tablesShowAndReportsShowHiddenCharactersAsEscapes() {
    CliRun list = Hostile.run(ws, "list");
    assertVisible(list);
    assertThat(list.out()).contains("Evil\\e]0;pwned\\x07Co\\e[2J\\x9b1m").contains("zhang\\u200B.wei");
    CliRun show = Hostile.run(ws, "show", "EVIL-1");
    assertVisible(show);
    assertThat(show.out()).contains("A\\e[31mRED\\u202EGNP.exe");
    for (String[] args : new String[][] {{"overdue"}, {"overdue", "--due-within", "30d"}, {"report", "owners"},
        {"report", "funnel"}, {"report", "sla"}, {"report", "aging"}, {"report", "forecast"}, {"check"}, {"check", "--format", "github"},
        {"check", "--format", "junit"}, {"list", "--owner", "zhang\u200b.wei"}}) {
      assertVisible(Hostile.run(ws, args));
    }
  }

  @Test
  void machineOutputKeepsTheDataAsItIs() {
    CliRun json = Hostile.run(ws, "show", "EVIL-1", "--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("Evil\\u001B]0;pwned\\u0007Co").contains("zhang\u200b.wei");
  }

  @Test
  void messagesEchoingInputShowItEscaped() {
    CliRun show = Hostile.run(ws, "show", "NO\u001b]0;pwned\u0007");
    assertThat(show.code()).isEqualTo(2);
    assertVisible(show);
    assertThat(show.err()).contains("NO\\e]0;pwned\\x07");
    CliRun register = Hostile.run(ws, "register", "--company", "Co", "--industry", "it", "--contact-name", "Ann",
        "--email", "a\u001b[2J@x", "--source", "online", "--priority", "B", "--owner", "o");
    assertThat(register.code()).isEqualTo(2);
    assertVisible(register);
  }

  @ParameterizedTest(name = "--{0}")
  @ValueSource(strings = {"company", "contact-name", "phone", "email", "owner", "industry", "id"})
  void registerRefusesHiddenCharactersInOneLineFieldsNamingTheField(String field) {
    List<String> args = new java.util.ArrayList<>(List.of("register", "--company", "Co", "--industry", "it",
        "--contact-name", "Ann", "--phone", "1", "--source", "online", "--priority", "B", "--owner", "o"));
    int at = args.indexOf("--" + field);
    String evil = field.equals("id") ? "X-\u202e1" : "x\u001b]0;t\u0007y";
    if (at < 0) {
      args.addAll(List.of("--" + field, evil));
    } else {
      args.set(at + 1, evil);
    }
    CliRun run = Hostile.run(ws, args.toArray(String[]::new));
    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertVisible(run);
    assertThat(run.err()).contains(field.equals("id") ? "invalid id 'X-\\u202E1'" : "--" + field + " contains a control character (U+001B)");
    assertThat(ws.resolve("cases")).isDirectoryNotContaining("glob:**/ACME-2026-0[2-9]*");
  }

  @Test
  void registerKeepsTabsAndLineBreaksInTheNeed() {
    CliRun run = Hostile.run(ws, "register", "--company", "Co", "--industry", "it", "--contact-name", "Ann",
        "--phone", "1", "--source", "online", "--priority", "B", "--owner", "o", "--need", "line one\n\tline two");
    assertThat(run.code()).as(run.all()).isZero();
  }

  @Test
  void logRefusesHiddenCharactersInWhoRecordedIt() {
    CliRun run = Hostile.run(ws, "log", "ACME-2026-003", "note", "--by", "li\u202e.na", "--note", "fine\nnote");
    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertVisible(run);
    assertThat(run.err()).contains("U+202E");
    CliRun control = Hostile.run(ws, "log", "ACME-2026-003", "note", "--note", "bell\u0007here");
    assertThat(control.code()).as(control.all()).isEqualTo(2);
    assertThat(control.err()).contains("U+0007");
  }

  @Test
  void importRefusesTheRowNamingLineAndColumn() throws IOException {
    Path csv = tmp.resolve("leads.csv");
    Files.writeString(csv, "company,industry,contact_name,phone,email,source,priority,owner\n"
        + "Good Co,it,Ann,1,,online,B,li.na\n"
        + "\"Evil\u001b[2JCo\",it,Bob,2,\"b\u001b]0;x\u0007@y.z\",online,B,li.na\n", StandardCharsets.UTF_8);
    CliRun run = Hostile.run(ws, "import", csv.toString());
    assertVisible(run);
    assertThat(run.code()).as(run.all()).isNotZero();
    assertThat(run.err()).contains("row 3").contains("company").contains("U+001B");
  }
}
