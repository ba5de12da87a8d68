package dev.salesflow.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sources:} setting of salesflow.yaml, read through {@link Workspace#open(Path)}. */
class WorkspaceSourcesTest {
  @TempDir Path dir;

  private Workspace open(String salesflowYaml) throws IOException {
    Files.writeString(dir.resolve("salesflow.yaml"), salesflowYaml, StandardCharsets.UTF_8);
    return Workspace.open(dir);
  }

  /** Every diagnostic, as {@code line:col: message}. */
  private List<String> refused(String salesflowYaml) throws IOException {
    Files.writeString(dir.resolve("salesflow.yaml"), salesflowYaml, StandardCharsets.UTF_8);
    DiagnosticsException e = catchThrowableOfType(DiagnosticsException.class, () -> Workspace.open(dir));
    assertThat(e).as("opening should fail with a DiagnosticsException").isNotNull();
    assertThat(e.kind()).isEqualTo(DiagnosticsException.Kind.CONFIGURATION);
    for (Diagnostic d : e.diagnostics()) {
      assertThat(d.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    }
    return e.diagnostics().stream().map(d -> d.position().line() + ":" + d.position().column() + ": " + d.message()).toList();
  }

  @Test
  void sourcesExtendTheProcessListInOrderAndRelabelOneByItsId() throws IOException {
    Workspace ws = open("""
        timezone: Asia/Shanghai
        sources:
          cold_call: {en: Cold Call, zh: 陌生电话}
          other: {en: Anything else}
          partner:
            zh: 合作伙伴
        """);
    assertThat(ws.process().sources().keySet())
        .containsExactly("exhibition", "online", "referral", "research", "other", "cold_call", "partner");
    assertThat(ws.process().sources().get("cold_call")).isEqualTo(new Labels("Cold Call", "陌生电话"));
    assertThat(ws.process().sources().get("other")).isEqualTo(new Labels("Anything else", null));
    assertThat(ws.process().sources().get("partner")).isEqualTo(new Labels(null, "合作伙伴"));
  }

  @Test
  void withoutSourcesTheProcessListIsTheDefault() throws IOException {
    assertThat(open("timezone: Asia/Shanghai\n").process().sources().keySet())
        .containsExactly("exhibition", "online", "referral", "research", "other");
    assertThat(open("sources:\n").process().sources()).hasSize(5);
  }

  @Test
  void sourcesNextToASettingJacksonBindsAreReadToo() throws IOException {
    // a quoted number is not plain for the tree binder: Jackson binds the settings, sources stay ours
    Workspace ws = open("approval_threshold: \"500000\"\nsources:\n  cold_call: {en: Cold Call}\n");
    assertThat(ws.config().approvalThreshold()).isEqualByComparingTo("500000");
    assertThat(ws.process().sources()).containsKey("cold_call");
  }

  @Test
  void everyBadEntryIsNamedAtItsLineAndColumnAtOnce() throws IOException {
    assertThat(refused("""
        sources:
          Cold Call: {en: Cold Call}
          web: {en: Web, fr: Toile}
          fax:
          trade_show: {en: Exhibition}
          phone: {en: [Phone]}
          empty: {}
        """)).containsExactly(
        "2:3: source id 'Cold Call' must be lower-case letters, digits and _, starting with a letter (the labels say it in words)",
        "3:18: unknown field 'fr' of source 'web' (known: en, zh)",
        "4:7: source 'fax' needs its labels, e.g. fax: {en: Fax}, got null",
        "5:20: label 'Exhibition' of source 'trade_show' also names source 'exhibition'; a lead list's 'Exhibition' could be"
            + " either (give it another label)",
        "6:15: label en of source 'phone' must be text, got a sequence",
        "7:10: source 'empty' needs its labels, e.g. empty: {en: Empty}, got a mapping");
  }

  @Test
  void sourcesThatAreNotAMappingAreRefusedAtTheValue() throws IOException {
    assertThat(refused("sources: [cold_call]\n")).containsExactly(
        "1:10: sources must be a mapping of source id to labels, e.g. sources: {cold_call: {en: Cold call, zh: 陌生电话}},"
            + " got a sequence");
  }

  @Test
  void aLabelWithAControlCharacterIsRefused() throws IOException {
    assertThat(refused("sources:\n  cold_call: {en: \"Cold\\u001b[31m\"}\n")).singleElement().asString()
        .startsWith("2:19: label en of source 'cold_call' contains a control character (U+001B)");
  }
}
