package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * YAML's odd corners in case files: each is either read correctly or refused as one finding with
 * its place, and a file salesflow can show, it can also append to.
 */
class YamlOdditiesTest {
  @TempDir Path tmp;

  private Path ws;
  private int workspaces;

  /** A fresh workspace whose case Y-1 is {@code text}. */
  private Path write(String text) throws IOException {
    ws = Hostile.examplesAt(tmp.resolve("ws" + ++workspaces));
    Path file = ws.resolve("cases/Y-1.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String example() {
    return Hostile.exampleCase("Y-1");
  }

  private CliRun checkFinds(String message) {
    CliRun check = Hostile.run(ws, "check", "cases/Y-1.yaml").assertNoStackTrace();
    assertThat(check.code()).as(check.all()).isEqualTo(1);
    assertThat(check.out()).startsWith("cases/Y-1.yaml:").contains(message);
    return check;
  }

  @Test
  void mergeKeysAreRefusedWithOrWithoutAnAnchor() throws IOException {
    write(example().replace("\ncustomer:\n", "\nbase: &b {industry: machinery}\ncustomer:\n  <<: *b\n"));
    checkFinds("YAML anchors (&b) are not allowed");
    write(example().replace("\ncustomer:\n", "\ncustomer:\n  <<: {size: big}\n"));
    checkFinds("unknown field 'customer.<<'");
  }

  @Test
  void aSecondDocumentIsRefused() throws IOException {
    write(example() + "---\nid: Y-2\n");
    checkFinds("more than one YAML document in the file");
  }

  @Test
  void aYamlDirectiveIsReadAndTheFileAppendedTo() throws IOException {
    Path file = write("%YAML 1.2\n---\n" + example());
    assertThat(Hostile.run(ws, "check", "cases/Y-1.yaml").code()).isZero();
    CliRun log = Hostile.run(ws, "log", "Y-1", "progress_update", "--note", "directive kept");
    assertThat(log.code()).as(log.all()).isZero();
    assertThat(Files.readString(file)).startsWith("%YAML 1.2\n---\n").contains("directive kept");
  }

  @Test
  void tagsSuchAsBinaryAreRefused() throws IOException {
    write(example().replaceFirst("\nneeds: .*\n", "\nneeds: !!binary aGVsbG8=\n"));
    checkFinds("YAML tags (tag:yaml.org,2002:binary) are not allowed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"priority: yes", "priority: on", "route: on", "result: yes"})
  void yesAndOnAreTextThatNoEnumFieldTakes(String field) throws IOException {
    String key = field.substring(0, field.indexOf(':'));
    String text = switch (key) {
      case "priority" -> example().replace("\npriority: A\n", "\n" + field + "\n");
      case "route" -> example().replace("route: production", field);
      default -> example().replace("result: approved", field);
    };
    write(text);
    checkFinds("got '" + field.substring(key.length() + 2) + "'");
  }

  @Test
  void aFileEndingWithADocumentEndMarkerIsShownAndAppendedBeforeIt() throws IOException {
    Path file = write(example() + "...\n# trailing comment\n");
    assertThat(Hostile.run(ws, "show", "Y-1").code()).isZero();
    CliRun log = Hostile.run(ws, "log", "Y-1", "progress_update", "--note", "after the marker");
    assertThat(log.code()).as(log.all()).isZero();
    String after = Files.readString(file);
    assertThat(after).endsWith("after the marker}\n...\n# trailing comment\n");
    assertThat(Hostile.run(ws, "check", "cases/Y-1.yaml").code()).isZero();
  }

  @ParameterizedTest(name = "line end U+{0}")
  @ValueSource(strings = {"000D", "0085", "2028"})
  void crOnlyAndNelLineEndsAreAppendedInTheirOwnStyle(String hex) throws IOException {
    String end = String.valueOf((char) Integer.parseInt(hex, 16));
    Path file = write(example().replace("\n", end));
    assertThat(Hostile.run(ws, "show", "Y-1").code()).isZero();
    CliRun log = Hostile.run(ws, "log", "Y-1", "progress_update", "--note", "own style");
    assertThat(log.code()).as(log.all()).isZero();
    assertThat(log.err()).doesNotContain("flow style");
    String after = Files.readString(file);
    assertThat(after).doesNotContain("\n").endsWith("own style}" + end);
    CliRun check = Hostile.run(ws, "check", "cases/Y-1.yaml");
    assertThat(check.code()).as(check.all()).isZero();
    assertThat(Hostile.run(ws, "show", "Y-1").out()).contains("own style");
  }

  @Test
  void mixedLineEndsAreRefusedClearly() throws IOException {
    write(example().replaceFirst("\n", "\r"));
    CliRun log = Hostile.run(ws, "log", "Y-1", "progress_update", "--note", "x").assertNoStackTrace();
    assertThat(log.code()).as(log.all()).isEqualTo(3);
    assertThat(log.err()).contains("mixes line ends").doesNotContain("flow style");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32"})
  void utf16And32FilesWithAByteOrderMarkAreRefusedNamingTheirEncoding(String charset) throws IOException {
    ws = Hostile.examplesAt(tmp.resolve("ws"));
    Charset cs = Charset.forName(charset);
    byte[] bom = charset.equals("UTF-16LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[0];
    byte[] body = (charset.equals("UTF-32") ? "\uFEFF" + example() : example()).getBytes(cs);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(ws.resolve("cases/Y-1.yaml"), all);
    CliRun check = checkFinds("files must be UTF-8");
    assertThat(check.out()).containsPattern("the file is UTF-(16|32)(LE|BE)").doesNotContain("\\x00");
    assertThat(check.out().lines().count()).isEqualTo(1);
  }

  @Test
  void twoHundredThousandEventsInOneFileWork() throws IOException {
    StringBuilder text = new StringBuilder(example().substring(0, example().indexOf("events:\n") + 8));
    for (int i = 0; i < 200_000; i++) {
      text.append("  - {at: 2026-09-02T15:30:00+08:00, type: note, by: zhang.wei, note: \"n ").append(i).append("\"}\n");
    }
    Path file = write(text.toString());
    CliRun check = Hostile.run(ws, "check", "--sla", "off", "cases/Y-1.yaml");
    assertThat(check.code()).as(check.all()).isZero();
    CliRun log = Hostile.run(ws, "log", "Y-1", "note", "--note", "the 200,001st");
    assertThat(log.code()).as(log.all()).isZero();
    assertThat(Files.readString(file)).endsWith("the 200,001st\"}\n");
    assertThat(Hostile.run(ws, "show", "Y-1", "--format", "json").out()).contains("the 200,001st");
  }
}
