package dev.salesflow.core.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.ImportOptions;
import dev.salesflow.core.model.ImportResult;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.LeadColumns;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.LeadRow;
import dev.salesflow.core.model.Progress;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadImportTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
  private static final ImportOptions STRICT = new ImportOptions(false, false, Map.of());

  @TempDir Path dir;
  Salesflow flow;

  @BeforeEach
  void workspace() throws IOException {
    Files.writeString(dir.resolve(Workspace.CONFIG_FILE), Workspace.initialConfig());
    Files.createDirectories(dir.resolve("cases"));
    flow = Salesflow.open(dir);
  }

  @AfterEach
  void close() {
    flow.close();
  }

  /** A valid row: company, contact and then field, value pairs that change it. */
  private static LeadRow row(int number, String company, String contact, Object... changes) {
    Map<RegistrationField, String> v = new EnumMap<>(RegistrationField.class);
    v.put(RegistrationField.COMPANY, company);
    v.put(RegistrationField.INDUSTRY, "manufacturing");
    v.put(RegistrationField.CONTACT_NAME, contact);
    v.put(RegistrationField.PHONE, "+86 512 5555 0101");
    v.put(RegistrationField.SOURCE, "展会");
    v.put(RegistrationField.PRIORITY, "a");
    v.put(RegistrationField.OWNER, "zhang.wei");
    for (int i = 0; i < changes.length; i += 2) {
      v.put((RegistrationField) changes[i], (String) changes[i + 1]);
    }
    return new LeadRow(number, v);
  }

  private List<Case> cases() {
    return flow.list(CaseFilter.ALL).stream().map(v -> v.value()).toList();
  }

  @Test
  void registersEveryValidRowReadingChineseSourceLabelsAndLowerCasePriorities() {
    ImportResult r = flow.importLeads(List.of(row(2, "苏州精工", "王磊"), row(3, "Nordic Pumps", "Erik")), STRICT, NOW,
        Progress.NONE);
    assertThat(r.written()).isTrue();
    assertThat(r.registered()).extracting(ImportResult.Registered::id).containsExactly("SF-2026-001", "SF-2026-002");
    assertThat(cases()).extracting(Case::source).containsOnly("exhibition");
    assertThat(cases()).extracting(c -> c.priority().name()).containsOnly("A");
    assertThat(cases().get(0).registeredAt()).isEqualTo(NOW);
  }

  @Test
  void oneInvalidRowWritesNothingAndEveryProblemNamesItsRow() {
    List<LeadRow> rows = List.of(row(2, "A", "a"), row(3, "B", "b", RegistrationField.PRIORITY, "D"),
        row(4, "C", "c", RegistrationField.EMAIL, "not-an-address", RegistrationField.SOURCE, "fax"),
        new LeadRow(5, Map.of(RegistrationField.COMPANY, "D", RegistrationField.PRIORITY, "Z")));
    ImportResult r = flow.importLeads(rows, STRICT, NOW, Progress.NONE);
    assertThat(r.written()).isFalse();
    assertThat(cases()).isEmpty();
    assertThat(r.errors()).extracting(ImportResult.RowError::row).containsExactly(3, 4, 5);
    assertThat(r.errors().get(0).message()).contains("priority must be A, B or C, got 'D'");
    assertThat(r.errors().get(1).message()).contains("unknown source 'fax'", "email 'not-an-address'");
    assertThat(r.errors().get(2).message()).contains("missing industry", "missing contact_name", "missing owner",
        "priority must be A, B or C, got 'Z'").doesNotContain("--");
  }

  @Test
  void skipInvalidRegistersTheValidRows() {
    ImportResult r = flow.importLeads(List.of(row(2, "A", "a"), row(3, "B", "b", RegistrationField.PRIORITY, "D")),
        new ImportOptions(true, false, Map.of()), NOW, Progress.NONE);
    assertThat(r.registered()).extracting(ImportResult.Registered::row).containsExactly(2);
    assertThat(r.errors()).extracting(ImportResult.RowError::row).containsExactly(3);
    assertThat(cases()).hasSize(1);
  }

  @Test
  void importingTheSameRowsTwiceRegistersNothingTheSecondTime() {
    List<LeadRow> rows = List.of(row(2, "苏州精工", "王磊"), row(3, "Nordic Pumps", "Erik"));
    flow.importLeads(rows, STRICT, NOW, Progress.NONE);
    ImportResult again = flow.importLeads(List.of(row(2, " 苏州精工 ", "王磊"), row(3, "NORDIC  PUMPS", "erik")), STRICT,
        NOW, Progress.NONE);
    assertThat(again.registered()).isEmpty();
    assertThat(again.duplicates()).extracting(ImportResult.Duplicate::existing).containsExactly("SF-2026-001", "SF-2026-002");
    assertThat(cases()).hasSize(2);
  }

  @Test
  void aRowRepeatingAnEarlierRowIsReportedNotRegistered() {
    ImportResult r = flow.importLeads(List.of(row(2, "A", "a"), row(3, "B", "b"), row(4, "A", "a", RegistrationField.NEED, "other")),
        STRICT, NOW, Progress.NONE);
    assertThat(r.duplicates()).singleElement().isEqualTo(new ImportResult.Duplicate(4, "A", "a", "row 2"));
    assertThat(cases()).hasSize(2);
  }

  @Test
  void dryRunReportsWithoutWriting() {
    ImportResult r = flow.importLeads(List.of(row(2, "A", "a")), new ImportOptions(false, true, Map.of()), NOW,
        Progress.NONE);
    assertThat(r.written()).isFalse();
    assertThat(r.registered()).extracting(ImportResult.Registered::row).containsExactly(2);
    assertThat(cases()).isEmpty();
  }

  @Test
  void givenIdsAndRegistrationTimesAreKeptAndCheckedAgainstTheStoreAndTheFile() {
    ImportResult first = flow.importLeads(List.of(row(2, "A", "a", RegistrationField.ID, "ACME-2026-007",
        RegistrationField.REGISTERED_AT, "2026-11-02T09:30:00+01:00")), STRICT, NOW, Progress.NONE);
    assertThat(first.registered()).extracting(ImportResult.Registered::id).containsExactly("ACME-2026-007");
    assertThat(cases().get(0).registeredAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T09:30:00+01:00"));
    ImportResult r = flow.importLeads(List.of(
        row(2, "A", "a", RegistrationField.ID, "ACME-2026-007"),
        row(3, "B", "b", RegistrationField.ID, "ACME-2026-007"),
        row(4, "C", "c", RegistrationField.ID, "X-1"),
        row(5, "D", "d", RegistrationField.ID, "X-1"),
        row(6, "E", "e", RegistrationField.REGISTERED_AT, "yesterday"),
        row(7, "F", "f", RegistrationField.REGISTERED_AT, "2027-01-01")), STRICT, NOW, Progress.NONE);
    assertThat(r.duplicates()).extracting(ImportResult.Duplicate::row).containsExactly(2);
    assertThat(r.errors()).extracting(ImportResult.RowError::row).containsExactly(3, 5, 6, 7);
    assertThat(r.errors().get(0).message()).contains("already taken by a case of another company or contact");
    assertThat(r.errors().get(1).message()).contains("also given in row 4");
    assertThat(r.errors().get(3).message()).contains("in the future");
  }

  @Test
  void defaultsFillBlankFieldsOnly() {
    Map<RegistrationField, String> defaults = Map.of(RegistrationField.OWNER, "li.na", RegistrationField.SOURCE, "exhibition");
    Map<RegistrationField, String> v = new EnumMap<>(row(2, "A", "a").values());
    v.remove(RegistrationField.OWNER);
    flow.importLeads(List.of(new LeadRow(2, v), row(3, "B", "b")), new ImportOptions(false, false, defaults), NOW,
        Progress.NONE);
    assertThat(cases()).extracting(Case::owner).containsExactly("li.na", "zhang.wei");
  }

  @Test
  void progressIsToldAfterEachRegisteredCase() {
    List<String> told = new ArrayList<>();
    flow.importLeads(List.of(row(2, "A", "a"), row(3, "B", "b"), row(4, "C", "c")), STRICT, NOW,
        (done, total) -> told.add(done + "/" + total));
    assertThat(told).containsExactly("1/3", "2/3", "3/3");
  }

  @Test
  void chineseAndEnglishHeadersMapByThemselves() {
    List<String> headers = List.of("公司名称", "行业", "联系人", "职务", "电话", "邮箱", "来源", "优先级", "负责人", "需求", "展位号");
    LeadColumns columns = LeadColumns.resolve(headers, Map.of(), Set.of());
    assertThat(columns.fields().get(0)).isEqualTo(RegistrationField.COMPANY);
    assertThat(columns.fields().get(3)).isEqualTo(RegistrationField.CONTACT_TITLE);
    assertThat(columns.fields().get(9)).isEqualTo(RegistrationField.NEED);
    assertThat(columns.unused()).containsExactly("展位号");
    LeadColumns english = LeadColumns.resolve(List.of("\uFEFFCompany Name", "Industry", "Contact_Name", "E-mail",
        "Source", "Priority", "Owner", "stage"), Map.of(), Set.of());
    assertThat(english.fields()).containsEntry(0, RegistrationField.COMPANY).containsEntry(2, RegistrationField.CONTACT_NAME)
        .containsEntry(3, RegistrationField.EMAIL);
    assertThat(english.unused()).as("derived export columns are not reported").isEmpty();
  }

  @Test
  void explicitMappingsWinAndEveryColumnProblemIsReportedAtOnce() {
    LeadColumns mapped = LeadColumns.resolve(List.of("客户", "行业", "姓名", "渠道", "级别", "销售", "备注"),
        Map.of("客户", "company", "级别", "priority", "备注", "ignore"), Set.of());
    assertThat(mapped.fields()).containsEntry(0, RegistrationField.COMPANY).containsEntry(4, RegistrationField.PRIORITY);
    assertThat(mapped.unused()).isEmpty();
    assertThatThrownBy(() -> LeadColumns.resolve(List.of("公司名称", "公司", "联系人"), Map.of("展位", "company", "联系人", "shoe"),
        Set.of(RegistrationField.OWNER)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no column '展位'")
        .hasMessageContaining("unknown field 'shoe'")
        .hasMessageContaining("columns '公司名称' and '公司' both give company")
        .hasMessageContaining("no column gives industry")
        .hasMessageNotContaining("no column gives owner");
  }
}
