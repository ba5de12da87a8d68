package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Column;
import dev.salesflow.cli.output.ReportSheet.Fact;
import dev.salesflow.cli.output.ReportSheet.Table;
import java.util.List;

/** Reports as GitHub-flavoured markdown: a heading, the facts as a list, pipe tables. */
final class ReportMarkdown {
  private ReportMarkdown() {}

  static String render(List<ReportSheet> sheets, ReportCells.Style style) {
    StringBuilder s = new StringBuilder();
    for (ReportSheet sheet : sheets) {
      if (s.length() > 0) {
        s.append('\n');
      }
      s.append("## ").append(escape(sheet.title())).append("\n\n").append(escape(sheet.scope())).append("\n\n");
      for (Fact f : sheet.facts()) {
        s.append("- ").append(escape(f.label())).append(": **")
            .append(escape(ReportCells.human(f.kind(), f.value(), style))).append("**\n");
      }
      if (!sheet.facts().isEmpty()) {
        s.append('\n');
      }
      for (Table t : sheet.tables()) {
        if (t.title() != null) {
          s.append("### ").append(escape(t.title())).append("\n\n");
        }
        if (t.rows().isEmpty()) {
          s.append(style.zh() ? "无" : "None.").append("\n\n");
          continue;
        }
        table(s, t, style);
        s.append('\n');
      }
    }
    return s.toString().stripTrailing() + "\n";
  }

  private static void table(StringBuilder s, Table t, ReportCells.Style style) {
    s.append('|');
    t.columns().forEach(c -> s.append(' ').append(escape(c.label())).append(" |"));
    s.append("\n|");
    t.columns().forEach(c -> s.append(c.kind().numeric() ? "---:|" : "---|"));
    s.append('\n');
    for (List<Object> row : t.rows()) {
      s.append('|');
      for (int i = 0; i < row.size(); i++) {
        Column c = t.columns().get(i);
        s.append(' ').append(escape(ReportCells.human(c.kind(), row.get(i), style))).append(" |");
      }
      s.append('\n');
    }
  }

  /** Keeps a cell one cell: pipes escaped, line breaks as blanks, markup characters taken literally. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder();
    for (char ch : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').toCharArray()) {
      if ("\\|*_`[]<>#".indexOf(ch) >= 0) {
        s.append('\\');
      }
      s.append(ch);
    }
    return s.toString();
  }
}
