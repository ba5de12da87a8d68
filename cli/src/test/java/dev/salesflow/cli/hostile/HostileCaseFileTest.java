package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile case-file corpus: each file is put in the example workspace as
 * {@code cases/EVIL-1.yaml}, and every command that reads it ({@code show}, {@code log},
 * {@code advance}, {@code list}, {@code check}) must end within 30 s with a non-zero exit, a
 * message naming the file (and its line where one applies) and no stack trace, leaving every byte
 * of the workspace and the folder around it as it was. The big files are generated here, never
 * checked in.
 */
class HostileCaseFileTest {
  static final String ID = "EVIL-1";
  static final String FILE = "cases/" + ID + ".yaml";

  /** Writes the hostile file. */
  interface Maker {
    void write(Path file) throws IOException;
  }

  /** What a command must print: the file, and where it has one, its line:column and code. */
  record Entry(String name, Maker maker, String where) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Entry> corpus() {
    return List.of(
        new Entry("billion laughs (anchors and aliases)", f -> Files.writeString(f, billionLaughs()), ":1:4: error: YAML anchors (&a)"),
        new Entry("alias inside a valid case", f -> Files.writeString(f, Hostile.exampleCase(ID)
            .replace("owner: zhang.wei", "owner: &o zhang.wei\nneeds_by: *o")), ":15:8: error: YAML anchors (&o)"),
        new Entry("10,000-deep flow nesting", f -> Files.writeString(f,
            "id: " + ID + "\nneeds: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"), ":2:71: error: nesting deeper than 64 levels [SF100 yaml-syntax]"),
        new Entry("10,000-deep block nesting", f -> Files.writeString(f, "id: " + ID + "\nneeds:\n" + "- ".repeat(10_000) + "x\n"),
            ":3:127: error: nesting deeper than 64 levels [SF100 yaml-syntax]"),
        new Entry("50 MB of 10,000-deep indentation", HostileCaseFileTest::deepIndentation, ":1:1: error: file is 50,025,011 bytes"),
        new Entry("a 60 MB string", HostileCaseFileTest::sixtyMegabytes, ":1:1: error: file is 62,9"),
        new Entry("a 1 MB line", f -> Files.writeString(f, Hostile.exampleCase(ID) + "# " + "x".repeat(1 << 20) + "\n"),
            ":50:65537: error: line 50 is 1,048,578 characters long; salesflow reads lines of at most 65,536 [SF113 too-large]"),
        new Entry("invalid UTF-8", HostileCaseFileTest::invalidUtf8, ":17:8: error: invalid UTF-8 byte 0xC3"),
        new Entry("a NUL byte", f -> Files.writeString(f, Hostile.exampleCase(ID).replace("owner: zhang.wei", "owner: zhang\0wei")),
            ":15:13: error: NUL character in file"),
        new Entry("!!java.lang.Runtime tag", f -> Files.writeString(f, Hostile.exampleCase(ID)
            .replace("owner: zhang.wei", "owner: !!java.lang.Runtime zhang.wei")), ":15:8: error: YAML tags (tag:yaml.org,2002:java.lang.Runtime)"),
        new Entry("SnakeYAML gadget chain", f -> Files.writeString(f, "id: " + ID + "\nneeds: !!javax.script.ScriptEngineManager"
            + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"), ":2:8: error: YAML tags"));
  }

  static List<List<String>> commands() {
    return List.of(
        List.of("show", ID),
        List.of("log", ID, "note", "--note", "x"),
        List.of("advance", ID, "--to", "needs"),
        List.of("list"),
        List.of("check"));
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Entry entry : corpus()) {
      for (List<String> command : commands()) {
        all.add(Arguments.of(entry, String.join(" ", command)));
      }
    }
    return all.stream();
  }

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void isRefusedClearlyAndNothingIsWritten(Entry entry, String command) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    entry.maker().write(ws.resolve(FILE));
    Map<String, String> before = Hostile.fingerprint(tmp);

    CliRun run = Hostile.run(ws, command.split(" "));

    assertThat(run.code()).as("exit code of %s:%n%s", command, run.all()).isIn(command.equals("check") ? 1 : 3);
    assertThat(run.all()).as("names the file and place").contains(FILE + entry.where());
    run.assertNoStackTrace();
    assertThat(Hostile.fingerprint(tmp)).as("nothing written").isEqualTo(before);
  }

  private static String billionLaughs() {
    StringBuilder s = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String previous = "*" + (char) (c - 1);
      s.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    return s.toString();
  }

  private static void deepIndentation(Path file) throws IOException {
    StringBuilder s = new StringBuilder("id: " + ID + "\n");
    for (int depth = 0; depth < 10_000; depth++) {
      s.append(" ".repeat(depth)).append("k:\n");
    }
    Files.writeString(file, s);
  }

  /** A valid case whose need is one 60 MiB string, written a block at a time. */
  private static void sixtyMegabytes(Path file) throws IOException {
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'x');
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(Hostile.exampleCase(ID).replaceFirst("needs: .*\n", "").getBytes(StandardCharsets.UTF_8));
      out.write("needs_more: \"".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 60; i++) {
        out.write(block);
      }
      out.write("\"\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void invalidUtf8(Path file) throws IOException {
    byte[] good = Hostile.exampleCase(ID).getBytes(StandardCharsets.UTF_8);
    String text = new String(good, StandardCharsets.UTF_8);
    int at = text.indexOf("needs: ") + "needs: ".length();
    byte[] bad = Arrays.copyOf(good, good.length);
    int offset = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    bad[offset] = (byte) 0xC3;
    bad[offset + 1] = (byte) 0x28;
    Files.write(file, bad);
  }
}
