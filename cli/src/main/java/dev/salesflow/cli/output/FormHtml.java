package dev.salesflow.cli.output;

import dev.salesflow.core.model.FilledForm;
import java.time.ZoneId;

/**
 * A filled form ({@code export --form TYPE CASE}) as one printable HTML page on A4: title, case and
 * company, each field's label and value (a list of items as a table), the signature lines the
 * process declares. Self-contained (no script, no outside resource) and every value escaped, so a
 * value that looks like markup prints as the text it is.
 */
public final class FormHtml {
  private static final String CSS = """
      @page { size: A4; margin: 18mm 16mm; }
      :root { color-scheme: light; }
      body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC",
        "PingFang SC", "Microsoft YaHei", serif; color: #111; background: #fff; margin: 0; font-size: 11pt; }
      main { max-width: 178mm; margin: 0 auto; padding: 12mm 0; }
      h1 { font-size: 17pt; text-align: center; margin: 0 0 6mm; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 0.6pt solid #333; padding: 2.2mm 3mm; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; font-weight: 600; width: 32%; }
      .head { margin-bottom: 4mm; }
      .head th { width: 16%; }
      .value { white-space: pre-wrap; overflow-wrap: anywhere; }
      .items th, .items td { padding: 1.4mm 2mm; }
      .items th { width: auto; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      .empty { color: #888; }
      .occurrence { font-size: 9.5pt; color: #444; margin: 0 0 4mm; }
      .signatures { display: flex; flex-wrap: wrap; gap: 8mm 12mm; margin-top: 16mm; }
      .signature { flex: 1 1 70mm; }
      .signature .line { border-bottom: 0.8pt solid #111; height: 14mm; }
      .signature .label { display: block; margin-top: 1.5mm; }
      .signature .date { display: block; margin-top: 5mm; }
      footer { font-size: 8.5pt; color: #666; margin-top: 12mm; }
      tr, .signature { break-inside: avoid; page-break-inside: avoid; }
      """;

  private FormHtml() {}

  /**
   * The page of {@code form}, the {@code occurrence}th of {@code count} events of its type in the
   * case (the note saying so only when there are several), in {@code lang}.
   */
  public static String page(FilledForm form, int occurrence, int count, ZoneId zone, String lang) {
    Words w = Words.of(lang);
    boolean zh = "zh".equals(lang);
    StringBuilder s = new StringBuilder(4096);
    s.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"generator\" content=\"salesflow\">\n<title>").append(esc(form.title() + " · " + form.caseId()))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n<h1>").append(esc(form.title()))
        .append("</h1>\n<table class=\"head\">\n<tr><th>").append(esc(w.get("case"))).append("</th><td>").append(esc(form.caseId()))
        .append("</td><th>").append(esc(w.get("company"))).append("</th><td>").append(esc(nz(form.company())))
        .append("</td></tr>\n<tr><th>").append(esc(w.get("event"))).append("</th><td>#").append(form.eventNumber())
        .append(" · ").append(esc(form.type())).append("</td><th>").append(esc(w.get("at"))).append("</th><td>")
        .append(esc(CaseOutput.shortTime(form.at(), zone))).append(form.by() == null ? "" : " · " + esc(form.by()))
        .append("</td></tr>\n</table>\n");
    if (count > 1) {
      s.append("<p class=\"occurrence\">").append(esc(zh
          ? "本案例共有 " + count + " 份此表，这是第 " + occurrence + " 份"
          : "This is occurrence " + occurrence + " of " + count + " of this form in the case")).append("</p>\n");
    }
    s.append("<table class=\"fields\">\n<tbody>\n");
    for (FilledForm.Field f : form.fields()) {
      s.append("<tr><th>").append(esc(f.label())).append("</th><td class=\"value\">");
      if (f.kind().equals("items")) {
        items(s, f, w);
      } else if (f.value() == null) {
        s.append("<span class=\"empty\">-</span>");
      } else {
        s.append(esc(f.value() + (f.currency() == null ? "" : " " + f.currency())));
      }
      s.append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
    if (!form.signatures().isEmpty()) {
      s.append("<section class=\"signatures\">\n");
      for (String line : form.signatures()) {
        s.append("<div class=\"signature\"><div class=\"line\"></div><span class=\"label\">").append(esc(line))
            .append("</span><span class=\"date\">").append(esc(w.get("date"))).append(zh ? "：" : ":")
            .append(" ____________</span></div>\n");
      }
      s.append("</section>\n");
    }
    s.append("<footer>salesflow · ").append(esc(form.caseId())).append(" · ").append(esc(form.type()))
        .append("</footer>\n</main>\n</body>\n</html>\n");
    return s.toString();
  }

  private static void items(StringBuilder s, FilledForm.Field f, Words w) {
    if (f.items().isEmpty()) {
      s.append("<span class=\"empty\">-</span>");
      return;
    }
    s.append("<table class=\"items\"><thead><tr><th class=\"num\">#</th><th>").append(esc(w.get("model")))
        .append("</th><th class=\"num\">").append(esc(w.get("quantity"))).append("</th><th class=\"num\">")
        .append(esc(w.get("price"))).append("</th></tr></thead><tbody>");
    for (int i = 0; i < f.items().size(); i++) {
      FilledForm.Item item = f.items().get(i);
      s.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(esc(nz(item.model())))
          .append("</td><td class=\"num\">").append(esc(nz(item.quantity()))).append("</td><td class=\"num\">")
          .append(esc(item.price() == null ? "-" : item.price() + (f.currency() == null ? "" : " " + f.currency())))
          .append("</td></tr>");
    }
    s.append("</tbody></table>");
  }

  private static String esc(String text) {
    return ReportHtml.escape(text);
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }
}
