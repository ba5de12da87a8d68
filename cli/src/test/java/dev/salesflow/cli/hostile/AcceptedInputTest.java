package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd but honest input is accepted, not refused: a case file with a UTF-8 BOM and CRLF line ends,
 * a lead list with a BOM, CRLF and cells holding newlines, commas and quotes, and owners with
 * quotes in their name, which filters match literally on both stores (no SQL is built from
 * them). A lead list of 100,000 columns, on the other hand, is refused before it is read.
 */
class AcceptedInputTest {
  @TempDir Path tmp;

  @Test
  void aCaseFileWithABomAndCrlfLineEndsIsReadCheckedAndAppendedInItsOwnStyle() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path file = ws.resolve("cases/WIN-1.yaml");
    String crlf = Hostile.exampleCase("WIN-1").replace("\n", "\r\n");
    Files.write(file, ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8));

    assertThat(Hostile.run(ws, "show", "WIN-1").assertNoStackTrace().code()).isZero();
    CliRun check = Hostile.run(ws, "check", "cases/WIN-1.yaml").assertNoStackTrace();
    assertThat(check.code()).as(check.all()).isZero();
    CliRun log = Hostile.run(ws, "log", "WIN-1", "note", "--note", "über, \"quoted\"\nsecond line").assertNoStackTrace();
    assertThat(log.code()).as(log.all()).isZero();

    String after = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertThat(after).as("BOM and every byte before the new line kept").startsWith("\uFEFF" + crlf);
    assertThat(after.substring(crlf.length() + 1)).endsWith("\r\n").doesNotContain("\r\n\r\n");
    assertThat(after.replace("\r\n", "")).doesNotContain("\n");
    assertThat(Hostile.run(ws, "show", "WIN-1", "--format", "json").out()).contains("über, \\\"quoted\\\"\\nsecond line");
  }

  @ParameterizedTest(name = "{0} store")
  @ValueSource(strings = {"yaml", "sqlite"})
  void aLeadListWithABomCrlfAndNewlinesInCellsIsImported(String store) throws IOException {
    Path ws = workspace(store);
    Path csv = tmp.resolve("leads.csv");
    Files.write(csv, ("\uFEFFcompany,industry,contact_name,phone,source,priority,owner,need\r\n"
        + "\"Line, Break Ltd\",it,Ann,123,online,B,O'Brien,\"first line\r\nsecond line, \"\"quoted\"\"\"\r\n"
        + "Plain Co,it,Bob,456,online,C,li.na,\r\n").getBytes(StandardCharsets.UTF_8));

    CliRun run = Hostile.run(ws, "import", csv.toString()).assertNoStackTrace();

    assertThat(run.code()).as(run.all()).isZero();
    CliRun list = Hostile.run(ws, "list", "--owner", "O'Brien", "--format", "json").assertNoStackTrace();
    assertThat(list.out()).contains("Line, Break Ltd").doesNotContain("Plain Co");
    String id = list.out().replaceAll("(?s).*\"id\" *: *\"([^\"]+)\".*", "$1");
    assertThat(Hostile.run(ws, "show", id, "--format", "json").out()).contains("first line\\r\\nsecond line, \\\"quoted\\\"");
    assertThat(Hostile.run(ws, "check").code()).isZero();
  }

  @ParameterizedTest(name = "{0} store")
  @ValueSource(strings = {"yaml", "sqlite"})
  void filterValuesWithQuotesMatchLiterally(String store) throws IOException {
    Path ws = workspace(store);
    for (String owner : new String[] {"O'Brien", "x' OR '1'='1", "\"; DROP TABLE cases; --"}) {
      CliRun register = Hostile.run(ws, "register", "--company", owner + " Ltd", "--industry", "it", "--contact-name",
          "Ann", "--phone", "1", "--source", "online", "--priority", "B", "--owner", owner).assertNoStackTrace();
      assertThat(register.code()).as(register.all()).isZero();
    }
    Map<String, String> counts = Map.of(
        "O'Brien", "O'Brien Ltd",
        "x' OR '1'='1", "x' OR '1'='1 Ltd",
        "\"; DROP TABLE cases; --", "\\\"; DROP TABLE cases; -- Ltd");
    counts.forEach((owner, company) -> {
      CliRun list = Hostile.run(ws, "list", "--owner", owner, "--format", "json").assertNoStackTrace();
      assertThat(list.code()).isZero();
      assertThat(list.out()).contains(company);
      assertThat(list.out().split("\"id\"", -1)).as("exactly one case for %s", owner).hasSize(2);
    });
    for (String injection : new String[] {"x' OR '1'='1' --", "' OR 1=1 --", "%", "_", "*", "zhang.wei' --"}) {
      CliRun named = Hostile.run(ws, "list", "--owner", injection, "--format", "json").assertNoStackTrace();
      assertThat(named.code()).as("an owner no case has is a usage error").isEqualTo(2);
      CliRun list = Hostile.run(ws, "list", "--owner", injection, "--allow-unknown", "--format", "json").assertNoStackTrace();
      assertThat(list.code()).isZero();
      assertThat(list.out()).as("--owner %s matches nothing", injection).doesNotContain("\"id\"");
    }
    CliRun all = Hostile.run(ws, "list", "--format", "json");
    assertThat(all.out().split("\"id\"", -1)).as("the cases are all still there").hasSize(14 + 3 + 1);
  }

  @Test
  void aLeadListOf100000ColumnsIsRefusedBeforeAnythingIsRead() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path csv = tmp.resolve("wide.csv");
    StringBuilder header = new StringBuilder("company,industry,contact_name,phone,source,priority,owner");
    StringBuilder row = new StringBuilder("Wide Ltd,it,Ann,123,online,B,li.na");
    for (int i = 0; i < 100_000; i++) {
      header.append(",c").append(i);
      row.append(",v");
    }
    Files.writeString(csv, header + "\n" + row + "\n");
    Map<String, String> before = Hostile.fingerprint(tmp);

    CliRun run = Hostile.run(ws, "import", csv.toString()).assertNoStackTrace();

    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("wide.csv: row 1 has 100,007 columns; a lead list may have at most 1,000");
    assertThat(run.err().lines().count()).as("one message, not one per column").isLessThan(5);
    assertThat(Hostile.fingerprint(tmp)).isEqualTo(before);
  }

  private Path workspace(String store) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    if (store.equals("sqlite")) {
      assertThat(Hostile.run(ws, "migrate", "--to", "sqlite:cases.db").code()).isZero();
      Files.writeString(ws.resolve("salesflow.yaml"), Files.readString(ws.resolve("salesflow.yaml")) + "\nstore: sqlite:cases.db\n");
      try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          Files.delete(f);
        }
      }
    }
    return ws;
  }
}
