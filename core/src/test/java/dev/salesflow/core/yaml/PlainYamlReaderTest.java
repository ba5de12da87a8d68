package dev.salesflow.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must build exactly the general parser's tree, or step aside. */
class PlainYamlReaderTest {

  private static void sameAsFullParser(String text, boolean mustTakeFastPath) {
    YamlNode.Mapping fast = PlainYamlReader.tryRead(text);
    if (mustTakeFastPath) {
      assertThat(fast).as("fast path for:\n%s", text).isNotNull();
    }
    if (fast == null) {
      return;
    }
    YamlNode full;
    try {
      full = YamlTreeReader.readFully(text);
    } catch (YamlSyntaxException e) {
      throw new AssertionError("fast path accepted what the parser refuses (" + e.getMessage() + "):\n" + text, e);
    }
    assertThat(fast).as("tree of:\n%s", text).isEqualTo(full);
  }

  static Stream<Path> exampleFiles() throws IOException {
    return Files.list(Path.of("../examples/cases")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void readsEveryExampleCaseFileAsTheParserDoes(Path file) throws IOException {
    sameAsFullParser(Files.readString(file, StandardCharsets.UTF_8), true);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: x\n", "a:\nb: 1\n", "events:\n- {a: 1}\n", "events: []\n", "a:   x  \n", "k: {}\n", "a: 'it''s'\n",
      "a:\n  b:\n    c: d\n", "# c\n\na: x\n\n\n", "a: \n", "a: yes\nb: ~\nc: null\nd: 0x1F\ne: 1.5e3\nf: -3\n",
      "a: b:c\n", "a: x # comment\n", "a: \"x\" # c\n", "a: &x 1\n", "a: *x\n", "a: !!str x\n", "a: x\na: y\n",
      "a: [1, 2]\n", "a: {b: {c: 1}}\n", "a:\n  - {x: 1}\n  - {x: 2}\n", "a:\n- {x: 1}\nb: 2\n", "a: |\n  x\n",
      "a: x\n  y\n", "a:\n  b: 1\n c: 2\n", "- a\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: \"\\u00e9\\n\\\"\"\n",
      "a: \"tab\\there\"\n", "a: \"\\x41\"\n", "a: 'x\n", "a: {b: 1,}\n", "a: {b: 1, b: 2}\n", "a: {b:1}\n",
      "a: 苏州精工机械有限公司\n", "a: 主轴到厂，开始总装\n", "a: x  y\n", "a: (x)\n", "a: .5\n", "a: /x\n",
      "a: 2026-11-03T14:00:00+08:00\n", "a: 2026-11-03\n", "a: \"\"\n", "a: ''\n", "a: x\r\nb: y\r\n", "a:\tx\n",
      "a: \"\u2028\"\n", "a: \"😀\"\n", "a: x\u0085y\n", "? a\n: b\n", "a: {b: \"x, y\"}\n", "a: {b: 'x}'}\n"})
  void agreesWithTheParserOrStepsAside(String text) {
    sameAsFullParser(text, false);
  }

  @Property(tries = 500)
  void readsWhatTheWriterWritesAsTheParserDoes(@ForAll("cases") Case c) {
    sameAsFullParser(CaseFileWriter.render(c), true);
  }

  @Property(tries = 1000)
  void anyScalarTheWriterWritesIsReadAsTheParserReadsIt(@ForAll("texts") String value) {
    sameAsFullParser("a: " + CaseFileWriter.scalar(value) + "\nevents:\n  - {at: 2026-11-03T14:00:00+08:00, type: note, note: "
        + CaseFileWriter.scalar(value) + "}\n", false);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().withChars("ab :#,{}[]'\"-?!&*|>%@`\\\n\t。，主").ofMaxLength(12),
        Arbitraries.of("yes", "No", "~", "null", "1e3", "0x1F", "-1", "+86 512", "2026-11-03", "a: b", "x #y"));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> words = Arbitraries.oneOf(texts(), Arbitraries.of("苏州精工机械有限公司", "Nordic Pumps AB", "王磊"));
    Arbitrary<Event> events = Combinators.combine(
            Arbitraries.integers().between(0, 10_000), Arbitraries.of("meeting", "note", "contract_signed"),
            words, words)
        .as((minutes, type, by, note) -> {
          Map<String, String> fields = new LinkedHashMap<>();
          if (type.equals("contract_signed")) {
            fields.put("amount", "1850000");
          }
          OffsetDateTime at = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8)).plusMinutes(minutes);
          return new Event(at, type, by.isBlank() ? null : by, note.isBlank() ? null : note, fields);
        });
    return Combinators.combine(words, words, words, events.list().ofMaxSize(8))
        .as((company, contact, need, list) -> new Case("ACME-2026-001",
            new Customer(company.isBlank() ? "x" : company, "manufacturing", null,
                new Contact(contact.isBlank() ? "y" : contact, null, "+86 512 5555 0101", null)),
            "exhibition", Priority.A, "zhang.wei", OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
            need.isBlank() ? null : need, new ArrayList<>(list)));
  }
}
