package dev.salesflow.core.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Appending an event keeps every byte before it; scalars are written so that they read back as the
 * same string.
 */
class CaseFileWriterTest {
  private static final Path FILE = Path.of("ACME-2026-001.yaml");
  private static final CaseFileReader READER = new CaseFileReader(ProcessLoader.defaultProcess(), ZoneId.of("Asia/Shanghai"));

  /** The registration header, hand-written: comments, odd spacing and every quoting style. */
  private static final String HEADER = """
      # ACME deal, registered at the trade fair
      id:   ACME-2026-001     # keep in sync with the file name
      customer:
          company: '苏州精工机械有限公司'
          industry: "manufacturing"
          contact: { name: 王磊 , phone: "+86 512 5555 0101",   email: 'wang.lei@example.com' }
      source: exhibition
      priority: A
      owner: zhang.wei
      registered_at: 2026-11-02T09:30:00+08:00
      needs: >-
        数控机床配件
        年度采购

      """;

  private static final Event NEW = new Event(OffsetDateTime.parse("2026-11-05T16:20:00+08:00"), "note", "li.na", "call back: \"Friday\" #2",
      Map.of());

  private static YamlNode.Mapping tree(String text) {
    try {
      return YamlTreeReader.readMapping(text);
    } catch (YamlSyntaxException e) {
      throw new AssertionError(e.getMessage() + " at " + e.position(), e);
    }
  }

  private static String append(String text, Event e) {
    return CaseFileWriter.appendEvent(text, tree(text), e);
  }

  private static Case read(String text) {
    return READER.read(FILE, text.getBytes(StandardCharsets.UTF_8)).value();
  }

  /** Asserts that {@code after} is {@code before} with the event line inserted at {@code offset}. */
  private static void assertInsertedAt(String before, String after, int offset, String line) {
    assertThat(after.substring(0, offset)).isEqualTo(before.substring(0, offset));
    assertThat(after.substring(offset, offset + line.length())).isEqualTo(line);
    assertThat(after.substring(offset + line.length())).isEqualTo(before.substring(offset));
  }

  @Nested
  class AppendKeepsEveryByte {
    @Test
    void eventsLastWithItems() {
      String text = HEADER + """
          events:
            # first contact at the fair
            - {at: 2026-11-03T14:00:00+08:00, type: meeting, by: zhang.wei, note: 'booth 3'}
            - { at: 2026-11-04T10:00:00+08:00 , type: "advance", to: needs, reason: "", by: zhang.wei }   # moved on
          """;

      String after = append(text, NEW);

      assertThat(after).startsWith(text);
      assertThat(after.substring(text.length())).isEqualTo(CaseFileWriter.eventLine(NEW, "  "));
      Case before = read(text);
      assertThat(read(after)).isEqualTo(before.withEvent(NEW));
    }

    @Test
    void eventsWithNothingAfterTheKey() {
      String text = HEADER + "events:   # nothing yet\n";

      String after = append(text, NEW);

      assertThat(after).isEqualTo(text + "  - {at: 2026-11-05T16:20:00+08:00, type: note, by: li.na, note: \"call back: \\\"Friday\\\" #2\"}\n");
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @Test
    void eventsAsAnEmptyFlowListLosesOnlyItsBrackets() {
      String text = HEADER + "events: []   # none yet\n";

      String after = append(text, NEW);

      // the one change that cannot be avoided: a block item cannot follow "[]"
      String expectedHeader = HEADER + "events:   # none yet\n";
      assertThat(after).isEqualTo(expectedHeader + CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "\"\"", "''"})
    void eventsWrittenAsAnExplicitNullLoseOnlyTheNull(String empty) {
      String text = HEADER + "events: " + empty + "   # none yet\n";

      String after = append(text, NEW);

      assertThat(after).isEqualTo(HEADER + "events:   # none yet\n" + CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @Test
    void noEventsKey() {
      String text = HEADER + "# events will follow\n";

      String after = append(text, NEW);

      assertThat(after).isEqualTo(text + "events:\n" + CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @Test
    void aFileWithoutAFinalNewline() {
      String text = HEADER + "events:\n  - {at: 2026-11-03T14:00:00+08:00, type: meeting}";

      String after = append(text, NEW);

      assertThat(after).isEqualTo(text + "\n" + CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).hasSize(2).endsWith(NEW);
    }

    @Test
    void eventsFollowedByAnotherKeyWithAComment() {
      String head = """
          id: ACME-2026-001
          customer:
            company: ACME
            industry: retail
            contact: {name: Li, phone: "123"}
          source: online
          priority: B
          registered_at: 2026-11-02T09:30:00+08:00
          events:
            - {at: 2026-11-03T14:00:00+08:00, type: meeting}
            - {at: 2026-11-03T15:00:00+08:00, type: note, note: "see below"}
          """;
      String tail = """

          # the owner changed in November
          owner: li.na   # was zhang.wei
          needs: spare parts
          """;
      String text = head + tail;

      String after = append(text, NEW);

      assertInsertedAt(text, after, head.length(), CaseFileWriter.eventLine(NEW, "  "));
      Case c = read(after);
      assertThat(c.owner()).isEqualTo("li.na");
      assertThat(c.events()).hasSize(3).endsWith(NEW);
    }

    @Test
    void emptyEventsFollowedByAnotherKey() {
      String head = HEADER.replace("owner: zhang.wei\n", "") + "events:\n";
      String tail = "# who owns it\nowner: zhang.wei\n";
      String text = head + tail;

      String after = append(text, NEW);

      assertInsertedAt(text, after, head.length(), CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @Test
    void aCrlfFileGetsACrlfLine() {
      String text = (HEADER + "events:\n  - {at: 2026-11-03T14:00:00+08:00, type: meeting}\n").replace("\n", "\r\n");

      String after = append(text, NEW);

      assertThat(after).startsWith(text);
      assertThat(after.substring(text.length())).isEqualTo(CaseFileWriter.eventLine(NEW, "  ").replace("\n", "\r\n"));
      assertThat(after.replace("\r\n", "")).doesNotContain("\n");
      assertThat(read(after).events()).hasSize(2).endsWith(NEW);
    }

    @Test
    void aCrlfFileWithoutEvents() {
      String text = HEADER.replace("\n", "\r\n");

      String after = append(text, NEW);

      assertThat(after).startsWith(text);
      assertThat(after.replace("\r\n", "")).doesNotContain("\n");
      assertThat(read(after).events()).containsExactly(NEW);
    }

    @Test
    void theIndentOfTheExistingItemsIsKept() {
      String deep = HEADER + "events:\n    - {at: 2026-11-03T14:00:00+08:00, type: meeting}\n";
      String flush = HEADER + "events:\n- {at: 2026-11-03T14:00:00+08:00, type: meeting}\n";

      assertThat(append(deep, NEW)).isEqualTo(deep + CaseFileWriter.eventLine(NEW, "    "));
      assertThat(append(flush, NEW)).isEqualTo(flush + CaseFileWriter.eventLine(NEW, ""));
      assertThat(read(append(deep, NEW)).events()).hasSize(2);
      assertThat(read(append(flush, NEW)).events()).hasSize(2);
    }

    @Test
    void blockStyleItemsCanBeExtended() {
      String text = HEADER + """
          events:
            - at: 2026-11-03T14:00:00+08:00
              type: meeting
              note: |
                long
                notes
          """;

      String after = append(text, NEW);

      assertThat(after).isEqualTo(text + CaseFileWriter.eventLine(NEW, "  "));
      assertThat(read(after).events()).hasSize(2).endsWith(NEW);
    }

    @Test
    void aNonEmptyFlowListIsRefused() {
      String text = HEADER + "events: [{at: 2026-11-03T14:00:00+08:00, type: meeting}]\n";

      assertThatThrownBy(() -> append(text, NEW))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("flow style");
    }

    @Test
    void repeatedAppendsKeepTheOrder() {
      String text = HEADER + "events:\n";
      Event first = new Event(OffsetDateTime.parse("2026-11-03T09:00:00+08:00"), "contacted", null, null, null);
      Event second = new Event(OffsetDateTime.parse("2026-11-03T10:00:00+08:00"), Event.ADVANCE, "zhang.wei", null,
          Map.of("to", "needs"));

      String once = append(text, first);
      String twice = append(once, second);

      assertThat(twice).startsWith(once);
      assertThat(read(twice).events()).containsExactly(first, second);
    }
  }

  @Nested
  class Scalars {
    @ParameterizedTest
    @ValueSource(strings = {
        "say \"hi\"", "it's", "a: b", "key:value", "a #b", "#hash", "+86 512 5555 0101", "-minus", "- item", "@home",
        "yes", "Yes", "no", "on", "OFF", "y", "n", "true", "False", "null", "NULL", "~", "", " ", " lead", "trail ",
        "a  b", "line\nbreak", "crlf\r\nend", "tab\there", "back\\slash", "😀 emoji", "王磊", "数控机床配件年度采购",
        "中文，标点。", "（括号）", "007", "0.50", "00.10", "1e5", "0x1F", "0o17", ".5", ".inf", "-.inf", ".nan",
        "1_000", "12:30", "01:30:00", "2026-11-03", "2026-11-03T14:00:00+08:00", "[x]", "{x: 1}", "*alias",
        "&anchor", "!tag", "!!str", "%directive", "`tick", "|", ">", "?", "? q", "=", "<<", "'single'", "a,b",
        "NaN", "Ñandú", "e\u0301", "\u0000nul", "\u0085next", "\u2028sep", "\uFEFFbom", "\uFFFEnonchar", "\u007fdel",
        "12345678901234567890", "1.2345678901", "--- ", "...", "a: 'b'"})
    void everyAwkwardStringReadsBackTheSame(String value) throws YamlSyntaxException {
      String written = CaseFileWriter.scalar(value);

      YamlNode.Mapping m = YamlTreeReader.readMapping("k: " + written + "\n");
      YamlNode.Scalar read = (YamlNode.Scalar) m.entries().get("k").value();

      assertThat(read.text()).as("'%s' written as %s", value, written).isEqualTo(value);
      assertThat(written).doesNotContain("\n", "\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\": #1", "+86 512", "yes", "null", "~", "a\nb", "tab\t", "😀", "王磊", "007", "-", "@x"})
    void awkwardNotesAndNamesSurviveAFullCaseFile(String value) {
      Event e = new Event(OffsetDateTime.parse("2026-11-03T14:00:00+08:00"), Event.ADVANCE, value, value, Map.of("to", "lost", "reason", value));
      Case c = new Case("ACME-2026-001", new Customer(value, value, value, new Contact(value, value, value, value)),
          "online", Priority.C, value, OffsetDateTime.parse("2026-11-02T09:30:00+08:00"), value, List.of(e));

      String text = CaseFileWriter.render(c);

      assertThat(read(text)).isEqualTo(c);
      assertThat(read(append(text, NEW))).isEqualTo(c.withEvent(NEW));
    }

    @Test
    void plainWordsStayPlain() {
      assertThat(CaseFileWriter.scalar("zhang.wei")).isEqualTo("zhang.wei");
      assertThat(CaseFileWriter.scalar("王磊")).isEqualTo("王磊");
      assertThat(CaseFileWriter.scalar("requirements_recorded")).isEqualTo("requirements_recorded");
    }
  }

  /** Run by jqwik, which does not look into JUnit's nested classes. */
  @Property(tries = 2000)
  void anyStringReadsBackTheSame(@ForAll("texts") String value) throws YamlSyntaxException {
    String written = CaseFileWriter.scalar(value);

    YamlNode.Mapping m = YamlTreeReader.readMapping("k: " + written + "\n");

    assertThat(((YamlNode.Scalar) m.entries().get("k").value()).text()).isEqualTo(value);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Integer> ascii = Arbitraries.integers().between(0, 0x7f);
    Arbitrary<Integer> yamlish = Arbitraries.of(":", "#", "-", "?", "'", "\"", "\\", " ", "\t", "\n", "{", "[", "&", "*", "!",
        "|", ">", "%", "@", "`", ",", ".", "0", "~").map(s -> (int) s.charAt(0));
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10ffff)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    Arbitrary<Integer> specials = Arbitraries.of(0x85, 0xa0, 0xfeff, 0xfffe, 0xffff, 0x2028, 0x2029, 0x1f600, 0x4e2d, 0x3002);
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        Tuple.of(4, ascii), Tuple.of(4, yamlish), Tuple.of(2, any), Tuple.of(1, specials));
    Arbitrary<String> words = Arbitraries.of("yes", "no", "null", "~", "true", "007", "1.5", "2026-11-03", "12:30", "0x1F");
    Arbitrary<String> built = codePoint.list().ofMaxSize(12).map(cps -> {
      StringBuilder s = new StringBuilder();
      cps.forEach(s::appendCodePoint);
      return s.toString();
    });
    return Arbitraries.frequencyOf(Tuple.of(9, built), Tuple.of(1, words));
  }

  @Test
  void aRenderedCaseReadsBackAsItself() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("amount", "1200000");
    Case c = new Case("ACME-2026-001",
        new Customer("苏州精工机械有限公司", "manufacturing", "200-500", new Contact("王磊", "采购经理", "+86 512 5555 0101", "wl@example.com")),
        "exhibition", Priority.A, "zhang.wei", OffsetDateTime.parse("2026-11-02T09:30:00+08:00"), "数控机床配件: 年度采购",
        List.of(new Event(OffsetDateTime.parse("2026-11-03T14:00:00+08:00"), "meeting", "zhang.wei", "booth #3", null),
            new Event(OffsetDateTime.parse("2026-11-04T10:00:00Z"), "contract_signed", null, null, fields)));

    String text = CaseFileWriter.render(c);

    assertThat(read(text)).isEqualTo(c);
    assertThat(text).startsWith("id: ACME-2026-001\ncustomer:\n  company: 苏州精工机械有限公司\n");
    assertThat(text).endsWith("events:\n"
        + "  - {at: 2026-11-03T14:00:00+08:00, type: meeting, by: zhang.wei, note: \"booth #3\"}\n"
        + "  - {at: 2026-11-04T10:00:00Z, type: contract_signed, amount: 1200000}\n");
  }
}
