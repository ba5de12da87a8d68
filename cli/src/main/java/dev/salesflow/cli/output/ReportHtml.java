package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Bar;
import dev.salesflow.cli.output.ReportSheet.Chart;
import dev.salesflow.cli.output.ReportSheet.Column;
import dev.salesflow.cli.output.ReportSheet.Fact;
import dev.salesflow.cli.output.ReportSheet.Kind;
import dev.salesflow.cli.output.ReportSheet.Table;
import java.util.List;
import java.util.Locale;

/**
 * Reports as one self-contained html page (inline CSS, inline SVG charts, no script and nothing
 * fetched) that can be opened from disk or mailed as an attachment.
 */
final class ReportHtml {
  private static final int CHART_WIDTH = 720;
  private static final int LABEL_WIDTH = 280;
  private static final int BAR_X = LABEL_WIDTH + 12;
  private static final int BAR_ROOM = CHART_WIDTH - BAR_X - 72;
  private static final int ROW = 30;
  private static final int BAR_HEIGHT = 20;

  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei",
        "Noto Sans CJK SC", sans-serif; color: #1f2933; background: #f5f7fa; margin: 0; }
      main { max-width: 960px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
      h1 { font-size: 26px; margin: 8px 0 4px; }
      h2 { font-size: 21px; margin: 40px 0 4px; border-top: 1px solid #d9e2ec; padding-top: 24px; }
      h3 { font-size: 16px; margin: 24px 0 8px; }
      .scope { color: #52606d; margin: 0 0 16px; }
      .facts { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
      .fact { border: 1px solid #d9e2ec; border-radius: 6px; padding: 10px 16px; min-width: 120px; }
      .fact .value { display: block; font-size: 22px; font-weight: 600; }
      .fact .label { color: #52606d; font-size: 13px; }
      figure { margin: 16px 0; }
      figcaption { font-weight: 600; margin-bottom: 6px; }
      svg text { font-size: 13px; fill: #1f2933; }
      svg .bar { fill: #2f6db5; }
      svg .track { fill: #eceff3; }
      svg .good { fill: #2e8b57; }
      svg .fair { fill: #d99a00; }
      svg .poor { fill: #c0392b; }
      table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
      caption { text-align: left; font-weight: 600; padding: 8px 0; }
      th, td { border-bottom: 1px solid #e4e7eb; padding: 5px 10px; text-align: left; vertical-align: top; }
      th { background: #f0f4f8; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      footer { color: #7b8794; font-size: 12px; margin-top: 32px; }
      @media print { body { background: #fff; } main { padding: 0; } }
      """;

  private ReportHtml() {}

  static String render(List<ReportSheet> sheets, ReportCells.Style style, String pageTitle) {
    boolean single = sheets.size() == 1;
    String title = single ? sheets.get(0).title() : pageTitle;
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"").append(style.zh() ? "zh-CN" : "en").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"salesflow\">\n<title>").append(escape(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n");
    for (ReportSheet sheet : sheets) {
      s.append("<section class=\"report\" id=\"report-").append(sheet.kind()).append("\">\n");
      if (!single) {
        s.append("<h2>").append(escape(sheet.title())).append("</h2>\n");
      }
      s.append("<p class=\"scope\">").append(escape(sheet.scope())).append("</p>\n");
      if (!sheet.facts().isEmpty()) {
        s.append("<div class=\"facts\">\n");
        for (Fact f : sheet.facts()) {
          s.append("<div class=\"fact\"><span class=\"value\">").append(escape(ReportCells.human(f.kind(), f.value(), style)))
              .append("</span><span class=\"label\">").append(escape(f.label())).append("</span></div>\n");
        }
        s.append("</div>\n");
      }
      for (Chart chart : sheet.charts()) {
        chart(s, sheet.kind() + "-" + chart.key(), chart, style);
      }
      for (Table table : sheet.tables()) {
        table(s, table, style);
      }
      s.append("</section>\n");
    }
    s.append("<footer>salesflow · ").append(escape(sheets.get(0).scope())).append("</footer>\n</main>\n</body>\n</html>\n");
    return s.toString();
  }

  private static void chart(StringBuilder s, String id, Chart chart, ReportCells.Style style) {
    int height = chart.bars().size() * ROW + 8;
    double scale = chart.scale();
    s.append("<figure class=\"chart\" id=\"chart-").append(id).append("\">\n<figcaption>").append(escape(chart.title()))
        .append("</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(escape(chart.title())).append("\">\n");
    for (int i = 0; i < chart.bars().size(); i++) {
      Bar bar = chart.bars().get(i);
      int y = 4 + i * ROW;
      int textY = y + BAR_HEIGHT / 2 + 5;
      String value = ReportCells.human(chart.kind(), bar.value(), style);
      double share = bar.value() == null || scale <= 0 ? 0 : Math.min(1, bar.value().doubleValue() / scale);
      double width = Math.max(share > 0 ? 2 : 0, share * BAR_ROOM);
      s.append("<g class=\"row\"><title>").append(escape(bar.label() + ": " + value)).append("</title>")
          .append("<text class=\"label\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(textY)
          .append("\" text-anchor=\"end\">").append(escape(ReportText.truncate(bar.label(), 44))).append("</text>");
      if (chart.kind() == Kind.PERCENT) {
        s.append(rect("track", BAR_X, y, BAR_ROOM));
      }
      double x = chart.funnel() ? BAR_X + (BAR_ROOM - width) / 2 : BAR_X;
      if (bar.value() != null) {
        s.append(rect(barClass(chart, bar), x, y, width));
      }
      double valueX = chart.funnel() || chart.kind() == Kind.PERCENT ? BAR_X + BAR_ROOM + 8 : BAR_X + width + 8;
      s.append("<text class=\"value\" x=\"").append(num(valueX)).append("\" y=\"").append(textY).append("\">")
          .append(escape(value)).append("</text></g>\n");
    }
    s.append("</svg>\n</figure>\n");
  }

  private static String barClass(Chart chart, Bar bar) {
    if (chart.kind() != Kind.PERCENT) {
      return "bar";
    }
    double v = bar.value().doubleValue();
    return v >= 0.9 ? "bar good" : v >= 0.7 ? "bar fair" : "bar poor";
  }

  private static String rect(String cls, double x, int y, double width) {
    return "<rect class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + y + "\" width=\"" + num(width) + "\" height=\""
        + BAR_HEIGHT + "\" rx=\"3\"/>";
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  private static void table(StringBuilder s, Table t, ReportCells.Style style) {
    s.append("<table id=\"table-").append(t.key()).append("\">\n");
    if (t.title() != null) {
      s.append("<caption>").append(escape(t.title())).append("</caption>\n");
    }
    s.append("<thead><tr>");
    for (Column c : t.columns()) {
      s.append("<th").append(c.kind().numeric() ? " class=\"num\"" : "").append(" scope=\"col\">")
          .append(escape(c.label())).append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    if (t.rows().isEmpty()) {
      s.append("<tr><td colspan=\"").append(t.columns().size()).append("\">").append(style.zh() ? "无" : "None")
          .append("</td></tr>\n");
    }
    for (List<Object> row : t.rows()) {
      s.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Column c = t.columns().get(i);
        s.append("<td").append(c.kind().numeric() ? " class=\"num\"" : "").append('>')
            .append(escape(ReportCells.human(c.kind(), row.get(i), style))).append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</tbody>\n</table>\n");
  }

  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(ch);
      }
    }
    return s.toString();
  }
}
