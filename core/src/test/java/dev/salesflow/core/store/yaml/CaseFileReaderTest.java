package dev.salesflow.core.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.process.ProcessLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every sort of bad case file is refused with its diagnostic code at the exact line and column;
 * positions are 1-based and count characters, not bytes.
 */
class CaseFileReaderTest {
  private static final Path FILE = Path.of("cases", "ACME-2026-001.yaml");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** A valid case file; the line numbers of the tests below refer to it. */
  private static final String GOOD = """
      id: ACME-2026-001
      customer:
        company: 苏州精工机械有限公司
        industry: manufacturing
        contact: {name: 王磊, title: 采购经理, phone: "+86 512 5555 0101"}
      source: exhibition
      priority: A
      owner: zhang.wei
      registered_at: 2026-11-02T09:30:00+08:00
      needs: 数控机床配件年度采购
      events:
        - {at: 2026-11-03T14:00:00+08:00, type: meeting, by: zhang.wei}
        - {at: 2026-11-04T10:00:00+08:00, type: advance, to: needs, by: zhang.wei}
      """;

  private final CaseFileReader reader = new CaseFileReader(ProcessLoader.defaultProcess(), SHANGHAI);

  private CaseFile read(String text) {
    return reader.read(FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  private DiagnosticsException refused(byte[] bytes) {
    DiagnosticsException e = catchThrowableOfType(DiagnosticsException.class, () -> reader.read(FILE, bytes));
    assertThat(e).as("the file should be refused").isNotNull();
    assertThat(e.kind()).isEqualTo(DiagnosticsException.Kind.CASE_FILE);
    return e;
  }

  private DiagnosticsException refused(String text) {
    return refused(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code GOOD} with its first occurrence of {@code from} replaced. */
  private static String good(String from, String to) {
    assertThat(GOOD).contains(from);
    return GOOD.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  /** Asserts {@code e} holds exactly one diagnostic, with {@code code} at line:col. */
  private static Diagnostic single(DiagnosticsException e, DiagnosticCode code, int line, int column) {
    assertThat(e.diagnostics())
        .extracting(Diagnostic::code, d -> d.position().line() + ":" + d.position().column())
        .containsExactly(tuple(code, line + ":" + column));
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.file()).isEqualTo(FILE);
    return d;
  }

  @Test
  void aGoodFileReadsIntoTheCase() {
    CaseFile file = read(GOOD);

    Case c = file.value();
    assertThat(c.id()).isEqualTo("ACME-2026-001");
    assertThat(c.customer().company()).isEqualTo("苏州精工机械有限公司");
    assertThat(c.customer().contact().phone()).isEqualTo("+86 512 5555 0101");
    assertThat(c.source()).isEqualTo("exhibition");
    assertThat(c.priority()).isEqualTo(Priority.A);
    assertThat(c.registeredAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T09:30:00+08:00"));
    assertThat(c.events()).extracting(Event::type).containsExactly("meeting", "advance");
    assertThat(c.events().get(1).fields()).isEqualTo(Map.of("to", "needs"));
    assertThat(file.eventPosition(0)).satisfies(p -> assertThat(p.line()).isEqualTo(12));
    assertThat(file.eventPosition(1)).satisfies(p -> assertThat(p.line()).isEqualTo(13));
  }

  @Nested
  class Syntax {
    @Test
    void aSyntaxErrorIsReportedWhereTheParserStopped() {
      DiagnosticsException e = refused(good("priority: A", "priority: A: B"));

      Diagnostic d = single(e, DiagnosticCode.YAML_SYNTAX, 7, 12);
      assertThat(d.message()).contains("mapping values are not allowed here");
    }

    @Test
    void anUnclosedFlowMappingIsASyntaxError() {
      DiagnosticsException e = refused(good("by: zhang.wei}\n  - {at: 2026-11-04", "by: zhang.wei\n  - {at: 2026-11-04"));

      assertThat(e.diagnostics()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX));
    }

    @Test
    void aTabIndentIsASyntaxError() {
      single(refused(good("  industry:", "\tindustry:")), DiagnosticCode.YAML_SYNTAX, 4, 1);
    }

    @Test
    // reported at the "---" that starts the second document
    void aSecondDocumentIsRefused() {
      Diagnostic d = single(refused(GOOD + "---\nid: OTHER\n"), DiagnosticCode.YAML_SYNTAX, 14, 1);
      assertThat(d.message()).contains("more than one YAML document");
    }

    @Test
    void aFileThatIsAListIsAWrongType() {
      single(refused("- id: ACME-2026-001\n"), DiagnosticCode.WRONG_TYPE, 1, 1);
    }
  }

  @Nested
  class UnknownFields {
    @Test
    void anUnknownTopLevelFieldNamesTheKnownOnes() {
      Diagnostic d = single(refused(good("events:", "colour: red\nevents:")), DiagnosticCode.UNKNOWN_FIELD, 11, 1);

      assertThat(d.message()).isEqualTo(
          "unknown field 'colour' (known: id, customer, source, priority, owner, registered_at, needs, events)");
    }

    @Test
    void anUnknownCustomerField() {
      Diagnostic d = single(refused(good("  industry:", "  sector: machines\n  industry:")), DiagnosticCode.UNKNOWN_FIELD, 4, 3);

      assertThat(d.message()).isEqualTo("unknown field 'customer.sector' (known: company, industry, size, contact)");
    }

    @Test
    void anUnknownContactFieldInAFlowMapping() {
      Diagnostic d = single(refused(good("title: 采购经理", "wechat: wl88")), DiagnosticCode.UNKNOWN_FIELD, 5, 23);

      assertThat(d.message()).isEqualTo("unknown field 'customer.contact.wechat' (known: name, title, phone, email)");
    }

    @Test
    void anUnknownEventField() {
      Diagnostic d = single(refused(good("type: meeting, by: zhang.wei}", "type: meeting, by: zhang.wei, mood: happy}")),
          DiagnosticCode.UNKNOWN_FIELD, 12, 67);

      assertThat(d.message()).startsWith("unknown event field 'mood' (known: at, type, by, note, to, reason, amount,");
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void customerAsAList() {
      String text = good("""
            company: 苏州精工机械有限公司
            industry: manufacturing
            contact: {name: 王磊, title: 采购经理, phone: "+86 512 5555 0101"}
          """, "  - 苏州精工机械有限公司\n  - manufacturing\n");

      Diagnostic d = single(refused(text), DiagnosticCode.WRONG_TYPE, 3, 3);
      assertThat(d.message()).isEqualTo("'customer' must be a mapping, found a sequence");
    }

    @Test
    void eventsAsAString() {
      String text = GOOD.substring(0, GOOD.indexOf("events:")) + "events: none yet\n";

      Diagnostic d = single(refused(text), DiagnosticCode.WRONG_TYPE, 11, 9);
      assertThat(d.message()).isEqualTo("'events' must be a list, found a string");
    }

    @Test
    void anEventThatIsNotAMapping() {
      Diagnostic d = single(refused(GOOD + "  - called them\n"), DiagnosticCode.WRONG_TYPE, 14, 5);
      assertThat(d.message()).isEqualTo("each event must be a mapping, found a string");
    }

    @Test
    void aRegistrationValueThatIsAMapping() {
      Diagnostic d = single(refused(good("owner: zhang.wei", "owner: {name: zhang.wei}")), DiagnosticCode.WRONG_TYPE, 8, 8);
      assertThat(d.message()).isEqualTo("'owner' must be a single value, found a mapping");
    }
  }

  @Nested
  class Values {
    @Test
    void aMissingCustomerFieldPointsAtTheCustomer() {
      Diagnostic d = single(refused(good("  industry: manufacturing\n", "")), DiagnosticCode.MISSING_FIELD, 3, 3);
      assertThat(d.message()).isEqualTo("missing registration field 'customer.industry'");
    }

    @Test
    void aMissingTopLevelFieldPointsAtTheStart() {
      Diagnostic d = single(refused(good("source: exhibition\n", "")), DiagnosticCode.MISSING_FIELD, 1, 1);
      assertThat(d.message()).isEqualTo("missing registration field 'source'");
    }

    @Test
    void aMissingContactNamePointsAtTheContact() {
      Diagnostic d = single(refused(good("name: 王磊, ", "")), DiagnosticCode.MISSING_FIELD, 5, 12);
      assertThat(d.message()).isEqualTo("missing registration field 'customer.contact.name'");
    }

    @Test
    void anEmptyCustomerIsMissingNotAccepted() {
      String text = good("""
          customer:
            company: 苏州精工机械有限公司
            industry: manufacturing
            contact: {name: 王磊, title: 采购经理, phone: "+86 512 5555 0101"}
          """, "customer:\n");

      Diagnostic d = single(refused(text), DiagnosticCode.MISSING_FIELD, 2, 1);
      assertThat(d.message()).isEqualTo("'customer' is empty");
    }

    @Test
    void anEmptyContactIsMissingNotAccepted() {
      String text = good("  contact: {name: 王磊, title: 采购经理, phone: \"+86 512 5555 0101\"}", "  contact:");

      Diagnostic d = single(refused(text), DiagnosticCode.MISSING_FIELD, 5, 3);
      assertThat(d.message()).isEqualTo("'contact' is empty");
    }

    @Test
    void anEmptyRequiredValuePointsAtItsKey() {
      Diagnostic d = single(refused(good("owner: zhang.wei", "owner: \"\"")), DiagnosticCode.MISSING_FIELD, 8, 1);
      assertThat(d.message()).isEqualTo("'owner' is empty");
    }

    @Test
    void priorityD() {
      Diagnostic d = single(refused(good("priority: A", "priority: D")), DiagnosticCode.BAD_VALUE, 7, 11);
      assertThat(d.message()).isEqualTo("priority must be A, B or C, got 'D'");
    }

    @Test
    void aLowerCasePriorityIsAccepted() {
      assertThat(read(good("priority: A", "priority: b")).value().priority()).isEqualTo(Priority.B);
    }

    @Test
    void anUnknownSourceListsTheKnownOnes() {
      Diagnostic d = single(refused(good("source: exhibition", "source: television")), DiagnosticCode.BAD_VALUE, 6, 9);
      assertThat(d.message()).isEqualTo("unknown source 'television' (known: exhibition, online, referral, research, other)");
    }

    @Test
    void anUnknownEventType() {
      Diagnostic d = single(refused(good("type: meeting", "type: lunch")), DiagnosticCode.BAD_VALUE, 12, 43);
      assertThat(d.message()).startsWith("unknown event type 'lunch' (known: contacted, meeting, note,");
    }

    @Test
    void anEventFieldValueOfTheWrongKind() {
      Diagnostic d = single(refused(good("to: needs", "to: heaven")), DiagnosticCode.BAD_VALUE, 13, 56);
      assertThat(d.message()).startsWith("field 'to' names no stage: 'heaven'");
    }

    @Test
    void anEventWithoutItsRequiredField() {
      Diagnostic d = single(refused(good("type: advance, to: needs, ", "type: advance, ")), DiagnosticCode.MISSING_FIELD, 13, 5);
      assertThat(d.message()).isEqualTo("'advance' needs the field 'to'");
    }

    @Test
    void anEventWithoutItsTime() {
      Diagnostic d = single(refused(good("{at: 2026-11-03T14:00:00+08:00, type: meeting", "{type: meeting")),
          DiagnosticCode.MISSING_FIELD, 12, 5);
      assertThat(d.message()).isEqualTo("missing field 'at'");
    }

    @Test
    void anUnparseableEventTimestamp() {
      Diagnostic d = single(refused(good("at: 2026-11-03T14:00:00+08:00", "at: 3rd of November")),
          DiagnosticCode.BAD_TIMESTAMP, 12, 10);
      assertThat(d.message()).startsWith("'at' is not a timestamp: '3rd of November'; expected an ISO-8601 timestamp");
    }

    @Test
    void anUnparseableRegistrationTimestamp() {
      single(refused(good("registered_at: 2026-11-02T09:30:00+08:00", "registered_at: 2026-13-02T09:30")),
          DiagnosticCode.BAD_TIMESTAMP, 9, 16);
    }
  }

  @Nested
  class UnsafeYaml {
    @Test
    void anAnchorOnAScalarIsRefused() {
      Diagnostic d = single(refused(good("owner: zhang.wei", "owner: &rep zhang.wei")), DiagnosticCode.ALIAS, 8, 8);
      assertThat(d.message()).isEqualTo("YAML anchors (&rep) are not allowed in salesflow files");
    }

    @Test
    void anAnchorAndItsAliasAreRefusedNotExpanded() {
      String text = good("owner: zhang.wei", "owner: &rep zhang.wei").replace("by: zhang.wei}", "by: *rep}");

      single(refused(text), DiagnosticCode.ALIAS, 8, 8);
    }

    @Test
    void anAliasIsRefusedWhereItIsUsed() {
      Diagnostic d = single(refused(good("type: meeting, by: zhang.wei}", "type: meeting, by: *rep}")), DiagnosticCode.ALIAS, 12, 56);
      assertThat(d.message()).isEqualTo("YAML aliases (*rep) are not allowed in salesflow files");
    }

    @Test
    void anAnchoredMappingAndAMergeKeyAreRefused() {
      String text = good("customer:\n", "customer: &c\n") + "other:\n  <<: *c\n";

      single(refused(text), DiagnosticCode.ALIAS, 2, 11);
    }

    @Test
    void aDuplicateTopLevelKeyIsRefusedAtTheDuplicate() {
      Diagnostic d = single(refused(good("priority: A\n", "priority: A\npriority: C\n")), DiagnosticCode.DUPLICATE_KEY, 8, 1);
      assertThat(d.message()).isEqualTo("duplicate key 'priority'");
    }

    @Test
    void aDuplicateNestedKeyIsRefusedAtTheDuplicate() {
      single(refused(good("  industry: manufacturing\n", "  industry: manufacturing\n  industry: retail\n")),
          DiagnosticCode.DUPLICATE_KEY, 5, 3);
    }

    @Test
    void aDuplicateKeyInAnEventIsRefused() {
      single(refused(good("type: meeting, by: zhang.wei}", "type: meeting, type: note}")), DiagnosticCode.DUPLICATE_KEY, 12, 52);
    }

    @Test
    void aJavaTypeTagIsRefused() {
      Diagnostic d = single(refused(good("needs: 数控机床配件年度采购", "needs: !!java.lang.Runtime 数控机床配件年度采购")),
          DiagnosticCode.TAG, 10, 8);
      assertThat(d.message()).contains("java.lang.Runtime").contains("not allowed");
    }

    @Test
    void aLocalTagIsRefused() {
      single(refused(good("owner: zhang.wei", "owner: !person zhang.wei")), DiagnosticCode.TAG, 8, 8);
    }

    @Test
    void theStringTagsChangeNothingAndAreAccepted() {
      assertThat(read(good("priority: A", "priority: !!str A")).value().priority()).isEqualTo(Priority.A);
      assertThat(read(good("priority: A", "priority: ! A")).value().priority()).isEqualTo(Priority.A);
    }
  }

  @Nested
  class Encoding {
    @Test
    void anInvalidUtf8ByteIsReportedAtItsCharacterPosition() {
      byte[] bytes = withByteAfter(GOOD, "  company: 苏州", (byte) 0xFF);

      Diagnostic d = single(refused(bytes), DiagnosticCode.INVALID_ENCODING, 3, 14);
      assertThat(d.message()).isEqualTo("invalid UTF-8 byte 0xFF (files must be UTF-8)");
    }

    @Test
    void aTruncatedMultiByteSequenceIsReportedAtItsFirstByte() {
      // the first two of the three bytes of 精
      byte[] bytes = withByteAfter(GOOD, "needs: 数控机床配件年度采购", (byte) 0xE7, (byte) 0xB2);

      single(refused(bytes), DiagnosticCode.INVALID_ENCODING, 10, 18);
    }

    @Test
    void columnsCountCodePointsAsTheParserDoes() {
      // 😀 is one code point but two Java chars; the parser's columns count it once
      byte[] bytes = withByteAfter(good("owner: zhang.wei", "owner: 😀 zhang.wei"), "owner: 😀 ", (byte) 0xFF);
      single(refused(bytes), DiagnosticCode.INVALID_ENCODING, 8, 10);

      single(refused(good("owner: zhang.wei", "owner: 😀 zhang: wei")), DiagnosticCode.YAML_SYNTAX, 8, 15);
    }

    @Test
    void aLatin1FileIsRefused() {
      byte[] latin1 = good("company: 苏州精工机械有限公司", "company: Müller GmbH").getBytes(StandardCharsets.ISO_8859_1);

      Diagnostic d = single(refused(latin1), DiagnosticCode.INVALID_ENCODING, 3, 13);
      assertThat(d.message()).contains("0xFC");
    }

    @Test
    void aNulByteIsRefusedAtItsPosition() {
      Diagnostic d = single(refused(good("owner: zhang.wei", "owner: zhang\0wei")), DiagnosticCode.INVALID_ENCODING, 8, 13);
      assertThat(d.message()).isEqualTo("NUL character in file");
    }

    @Test
    void aBomAndCrlfLineEndsAreAccepted() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] crlf = GOOD.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

      CaseFile file = reader.read(FILE, concat(bom, crlf));

      assertThat(file.value()).isEqualTo(read(GOOD).value());
    }

    @Test
    void positionsInABomAndCrlfFileAreThoseOfTheText() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] crlf = good("priority: A", "priority: D").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

      single(refused(concat(bom, crlf)), DiagnosticCode.BAD_VALUE, 7, 11);
    }

    private static byte[] withByteAfter(String text, String prefix, byte... bad) {
      int at = text.indexOf(prefix) + prefix.length();
      byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
      byte[] after = text.substring(at).getBytes(StandardCharsets.UTF_8);
      return concat(concat(before, bad), after);
    }

    private static byte[] concat(byte[] a, byte[] b) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(a);
      out.writeBytes(b);
      return out.toByteArray();
    }
  }

  @Nested
  class Ids {
    @Test
    void anIdThatDiffersFromTheFileName() {
      Diagnostic d = single(refused(good("id: ACME-2026-001", "id: ACME-2026-002")), DiagnosticCode.ID_MISMATCH, 1, 5);
      assertThat(d.message()).isEqualTo("id 'ACME-2026-002' differs from the file name ACME-2026-001.yaml (expected id 'ACME-2026-001')");
    }

    @Test
    void anIdThatIsAPath() {
      Diagnostic d = single(refused(good("id: ACME-2026-001", "id: ../etc/passwd")), DiagnosticCode.BAD_ID, 1, 5);
      assertThat(d.message()).startsWith("invalid id '../etc/passwd': a case id is");
    }

    @Test
    void aReservedDeviceName() {
      single(refused(good("id: ACME-2026-001", "id: con")), DiagnosticCode.BAD_ID, 1, 5);
    }

    @Test
    void diagnosticsNameTheCase() {
      DiagnosticsException e = refused(good("priority: A", "priority: Z"));

      assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.caseId()).isEqualTo("ACME-2026-001"));
      assertThat(e.getMessage()).isEqualTo(FILE + ":7:11: error: priority must be A, B or C, got 'Z' [SF104 bad-value]");
    }
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
    String text = good("  industry: manufacturing\n", "")
        .replace("source: exhibition", "source: tv")
        .replace("priority: A", "priority: D")
        .replace("at: 2026-11-03T14:00:00+08:00", "at: soon")
        .replace("to: needs, by: zhang.wei}", "to: needs, by: zhang.wei, mood: x}");

    DiagnosticsException e = refused(text);

    assertThat(e.diagnostics())
        .extracting(Diagnostic::code, d -> d.position().line() + ":" + d.position().column())
        .containsExactly(
            tuple(DiagnosticCode.MISSING_FIELD, "3:3"),
            tuple(DiagnosticCode.BAD_VALUE, "5:9"),
            tuple(DiagnosticCode.BAD_VALUE, "6:11"),
            tuple(DiagnosticCode.BAD_TIMESTAMP, "11:10"),
            tuple(DiagnosticCode.UNKNOWN_FIELD, "12:78"));
  }

  @Nested
  class Timestamps {
    @Test
    void aTimestampWithoutOffsetIsReadInTheGivenZone() {
      Case c = read(good("at: 2026-11-03T14:00:00+08:00", "at: 2026-11-03T14:00")).value();

      assertThat(c.events().get(0).at()).isEqualTo(OffsetDateTime.parse("2026-11-03T14:00:00+08:00"));
    }

    @Test
    void theZoneDecidesTheOffset() {
      CaseFileReader berlin = new CaseFileReader(ProcessLoader.defaultProcess(), ZoneId.of("Europe/Berlin"));
      String text = good("registered_at: 2026-11-02T09:30:00+08:00", "registered_at: 2026-07-02 09:30");

      Case c = berlin.read(FILE, text.getBytes(StandardCharsets.UTF_8)).value();

      assertThat(c.registeredAt()).isEqualTo(OffsetDateTime.parse("2026-07-02T09:30:00+02:00"));
    }

    @Test
    void aDateAloneIsMidnightInTheZone() {
      Case c = read(good("registered_at: 2026-11-02T09:30:00+08:00", "registered_at: 2026-11-02")).value();

      assertThat(c.registeredAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T00:00:00+08:00"));
    }

    @Test
    void anImpossibleLocalDateIsRefusedNotMovedToAnotherDay() {
      Diagnostic d = single(refused(good("at: 2026-11-03T14:00:00+08:00", "at: 2026-02-30T14:00")),
          DiagnosticCode.BAD_TIMESTAMP, 12, 10);
      assertThat(d.message()).contains("'2026-02-30T14:00'");
      single(refused(good("registered_at: 2026-11-02T09:30:00+08:00", "registered_at: 2026-02-29")),
          DiagnosticCode.BAD_TIMESTAMP, 9, 16);
    }

    @Test
    void anExplicitOffsetIsKept() {
      Case c = read(good("at: 2026-11-03T14:00:00+08:00", "at: 2026-11-03T06:00:00Z")).value();

      assertThat(c.events().get(0).at()).isEqualTo(OffsetDateTime.parse("2026-11-03T06:00:00Z"));
    }
  }

  @Test
  void anEmptyFileListsTheMissingRegistration() {
    DiagnosticsException e = refused("");

    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsOnly(DiagnosticCode.MISSING_FIELD);
    assertThat(e.diagnostics()).extracting(Diagnostic::message).contains(
        "missing registration field 'id'", "missing registration field 'customer'",
        "missing registration field 'registered_at'");
  }

  @Test
  void aRefusedFileThrowsNothingElse() {
    assertThatThrownBy(() -> read("id: [")).isInstanceOf(DiagnosticsException.class);
  }
}
