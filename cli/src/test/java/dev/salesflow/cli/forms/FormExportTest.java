package dev.salesflow.cli.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --form TYPE CASE}: the printable page of a filled form, opened in real headless
 * Chromium and printed to PDF, whose text is read back.
 */
class FormExportTest {
  private static final String SCRIPT = "<script>document.title='pwned'</script>";
  /** The first acceptance: rejected. */
  private static final String REJECTED = """
      items:
        - {model: ACME-DS-40, quantity: 1, price: 680000}
      currency: CNY
      result: rejected
      remarks: 主轴异响
      signer: 王磊
      date: 2026-11-18
      """;
  /** The second acceptance: two items, a remark of two lines with markup in it. */
  private static final String ACCEPTED = """
      items:
        - {model: ACME-DS-40, quantity: 1, price: 680000}
        - {model: Spare kit SK-7, quantity: 2, price: 1200}
      currency: CNY
      result: accepted_with_remarks
      remarks: "外包装轻微破损\\nBox dented %s"
      signer: Li Na 李娜
      date: 2026-11-20
      """.formatted(SCRIPT);

  @TempDir Path dir;
  FormCases w;

  @BeforeEach
  void aCaseWithTwoAcceptances() throws Exception {
    w = new FormCases(dir);
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    for (String[] form : new String[][] {{"rejected.yaml", REJECTED, "2026-11-18T15:00"},
        {"accepted.yaml", ACCEPTED, "2026-11-20T15:00"}}) {
      CliRun log = w.sf("log", "SF-2026-001", "delivery_accepted", "--form", w.file(form[0], form[1]), "--at", form[2]);
      assertThat(log.code()).as(log.toString()).isZero();
    }
  }

  @Test
  void theLatestAcceptancePrintsOnA4WithItsValuesAndSignatureLines() throws Exception {
    CliRun export = w.sf("--lang", "zh", "export", "--form", "delivery_accepted", "SF-2026-001", "-o", "acceptance.html");
    assertThat(export.code()).as(export.toString()).isZero();
    assertThat(export.err()).contains("case SF-2026-001 has 2 'delivery_accepted' events; exporting the latest (event #20,"
        + " 2026-11-20 15:00); --occurrence N exports another", "Wrote the delivery_accepted form of SF-2026-001 to acceptance.html");
    Path page = dir.resolve("acceptance.html");
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("@page { size: A4;", "lang=\"zh-CN\"")
        .doesNotContain(SCRIPT, "<link", "src=", "url(").contains("&lt;script&gt;");

    HeadlessChromium chromium = HeadlessChromium.orSkip(dir);
    HeadlessChromium.Run dom = chromium.run("--dump-dom", page.toUri().toString());
    assertThat(dom.code()).as(dom.log()).isZero();
    assertThat(HeadlessChromium.consoleErrors(dom.log())).as("console errors").isEmpty();
    assertThat(dom.out()).as("the value's markup stays text: no script ran, none is in the DOM")
        .contains("<title>交付验收单（表4） · SF-2026-001</title>", "Box dented &lt;script&gt;")
        .doesNotContain("<script", "<title>pwned");

    Path pdf = dir.resolve("acceptance.pdf");
    HeadlessChromium.Run print = chromium.run("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
    assertThat(print.code()).as(print.log()).isZero();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).as("one sheet").isEqualTo(1);
      PDPage sheet = doc.getPage(0);
      assertThat(sheet.getMediaBox().getWidth()).as("A4 width in points").isBetween(594f, 597f);
      assertThat(sheet.getMediaBox().getHeight()).as("A4 height in points").isBetween(841f, 843f);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("交付验收单（表4）", "SF-2026-001", "苏州精工机械有限公司", "第 2 份",
          "交付明细", "ACME-DS-40", "Spare kit SK-7", "680000 CNY", "1200 CNY", "验收结论", "accepted_with_remarks",
          "外包装轻微破损", "Box dented <script>document.title='pwned'</script>", "客户签字人", "Li Na 李娜",
          "2026-11-20", "客户签字", "交付人签字", "日期");
      assertThat(text).as("the remark keeps its two lines").containsPattern("外包装轻微破损\\s*\\n\\s*Box dented");
      assertThat(text).doesNotContain("主轴异响");
    }
  }

  @Test
  void anEarlierOccurrenceInEnglishToStdout() throws Exception {
    CliRun export = w.sf("export", "--form", "delivery_accepted", "SF-2026-001", "--occurrence", "1");
    assertThat(export.code()).as(export.toString()).isZero();
    assertThat(export.err()).isEmpty();
    assertThat(export.out()).contains("<h1>Delivery acceptance form (Table 4)</h1>", "lang=\"en\"",
        "This is occurrence 1 of 2 of this form in the case", "rejected", "主轴异响", "Customer (signature)",
        "Delivered by (signature)", "<th>Signed by (customer)</th>")
        .doesNotContain("Spare kit");

    CliRun beyond = w.sf("export", "--form", "delivery_accepted", "SF-2026-001", "--occurrence", "3");
    assertThat(beyond.code()).isEqualTo(2);
    assertThat(beyond.err()).contains("case SF-2026-001 has 2 'delivery_accepted' events; --occurrence takes 1 to 2");
  }

  @Test
  void aCaseWithoutTheFormIsAFindingNamingCaseAndType() throws Exception {
    CliRun none = w.sf("export", "--form", "issue_reported", "SF-2026-001", "-o", "problem.html");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("case SF-2026-001 has no 'issue_reported' event (Problem reported), so it has no such form");
    assertThat(dir.resolve("problem.html")).doesNotExist();

    CliRun noForm = w.sf("export", "--form", "meeting", "SF-2026-001");
    assertThat(noForm.code()).isEqualTo(2);
    assertThat(noForm.err()).contains("event type 'meeting' has no form");
  }

  @Test
  void optionsOfOneExportAreRefusedOnTheOther() throws Exception {
    CliRun csvWithOutput = w.sf("export", "cases.csv", "-o", "x.html");
    assertThat(csvWithOutput.code()).isEqualTo(2);
    assertThat(csvWithOutput.err()).contains("--occurrence and --output go with --form TYPE");
    CliRun formWithEvents = w.sf("export", "--form", "delivery_accepted", "SF-2026-001", "--events");
    assertThat(formWithEvents.code()).isEqualTo(2);
    assertThat(formWithEvents.err()).contains("--events and --bom are for the CSV export");
    CliRun json = w.sf("--format", "json", "export", "--form", "delivery_accepted", "SF-2026-001");
    assertThat(json.code()).isEqualTo(2);
    CliRun intoCases = w.sf("export", "--form", "delivery_accepted", "SF-2026-001", "-o", "ws/cases/form.html");
    assertThat(intoCases.code()).isEqualTo(2);
    assertThat(intoCases.err()).contains("write the page somewhere else");
  }
}
