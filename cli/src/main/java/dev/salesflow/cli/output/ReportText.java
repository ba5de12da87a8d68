package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Bar;
import dev.salesflow.cli.output.ReportSheet.Chart;
import dev.salesflow.cli.output.ReportSheet.Column;
import dev.salesflow.cli.output.ReportSheet.Fact;
import dev.salesflow.cli.output.ReportSheet.Table;
import dev.salesflow.cli.output.ReportSheet.TextFit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports for the terminal: aligned tables (numbers right-aligned) and Unicode bar charts, never
 * wider than {@link #WIDTH} columns; a text column that would not fit wraps within its cell.
 */
final class ReportText {
  static final int WIDTH = 80;
  private static final String SEPARATOR = " · ";
  private static final int MAX_CHART_LABEL = 42;
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

  private ReportText() {}

  static String render(List<ReportSheet> sheets, ReportCells.Style style) {
    List<String> parts = new ArrayList<>();
    for (ReportSheet sheet : sheets) {
      parts.add(sheet(sheet, style));
    }
    return String.join("\n", parts);
  }

  private static String sheet(ReportSheet sheet, ReportCells.Style style) {
    StringBuilder s = new StringBuilder();
    s.append(sheet.title()).append('\n').append("=".repeat(TextTable.width(sheet.title()))).append('\n');
    lines(sheet.scope(), s);
    if (!sheet.facts().isEmpty()) {
      List<String> facts = new ArrayList<>();
      for (Fact f : sheet.facts()) {
        facts.add(f.label() + ": " + ReportCells.human(f.kind(), f.value(), style));
      }
      lines(String.join(SEPARATOR, facts), s);
    }
    for (Table table : sheet.tables()) {
      s.append('\n');
      if (table.title() != null) {
        s.append(table.title()).append('\n');
      }
      if (table.rows().isEmpty()) {
        s.append(style.zh() ? "无" : "None").append('\n');
        continue;
      }
      s.append(table(table, style));
      if (table.legend() != null) {
        lines(table.legend(), s);
      }
    }
    for (Chart chart : sheet.charts()) {
      s.append('\n').append(chart.title()).append('\n').append(chart(chart, style));
    }
    return s.toString();
  }

  /** Appends {@code text} in lines of at most {@link #WIDTH}, broken after a " · " where one is near. */
  private static void lines(String text, StringBuilder s) {
    StringBuilder line = new StringBuilder();
    for (String part : text.split(SEPARATOR)) {
      String candidate = line.length() == 0 ? part : line + SEPARATOR + part;
      if (TextTable.width(candidate) <= WIDTH || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        wrap(line.toString(), WIDTH).forEach(l -> s.append(l).append('\n'));
        line.setLength(0);
        line.append(part);
      }
    }
    wrap(line.toString(), WIDTH).forEach(l -> s.append(l).append('\n'));
  }

  /** The table with every line at most {@link #WIDTH} columns. */
  static String table(Table table, ReportCells.Style style) {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).fit() != TextFit.HIDE) {
        shown.add(i);
      }
    }
    List<Column> columns = shown.stream().map(table.columns()::get).toList();
    int n = columns.size();
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns.stream().map(Column::textLabel).toList());
    for (List<Object> row : table.rows()) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        line.add(ReportCells.human(columns.get(i).kind(), row.get(shown.get(i)), style));
      }
      cells.add(line);
    }
    int[] widths = new int[n];
    for (List<String> line : cells) {
      for (int i = 0; i < n; i++) {
        widths[i] = Math.max(widths[i], TextTable.width(line.get(i)));
      }
    }
    shrink(columns, widths, TextFit.TRUNCATE, 10);
    shrink(columns, widths, TextFit.WRAP, 12);
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      List<List<String>> parts = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < n; i++) {
        parts.add(fit(columns.get(i), line.get(i), widths[i]));
        height = Math.max(height, parts.get(i).size());
      }
      for (int h = 0; h < height; h++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String cell = h < parts.get(i).size() ? parts.get(i).get(h) : "";
          String pad = " ".repeat(Math.max(0, widths[i] - TextTable.width(cell)));
          text.append(i == 0 ? "" : "  ").append(columns.get(i).kind().numeric() ? pad + cell : cell + pad);
        }
        out.append(text.toString().stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }

  /** A cell as the lines it takes: wrapped with a hanging indent, or cut short. */
  private static List<String> fit(Column column, String cell, int width) {
    if (column.kind().numeric() || TextTable.width(cell) <= width) {
      return List.of(cell);
    }
    if (column.fit() == TextFit.TRUNCATE) {
      return List.of(truncate(cell, width));
    }
    List<String> first = wrap(cell, width);
    List<String> lines = new ArrayList<>(List.of(first.get(0)));
    String rest = cell.substring(first.get(0).length()).strip();
    wrap(rest, width - 2).forEach(l -> lines.add("  " + l));
    return lines;
  }

  /** Narrows the widest columns of {@code fit}, one column at a time, until the table fits or they reach {@code min}. */
  private static void shrink(List<Column> columns, int[] widths, TextFit fit, int min) {
    int total = 2 * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    while (total > WIDTH) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if (columns.get(i).fit() == fit && !columns.get(i).kind().numeric() && widths[i] > min
            && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      widths[widest]--;
      total--;
    }
  }

  /** A bar per label, scaled to the longest; values follow their bars. */
  static String chart(Chart chart, ReportCells.Style style) {
    int labelWidth = 0;
    int valueWidth = 0;
    for (Bar bar : chart.bars()) {
      labelWidth = Math.max(labelWidth, Math.min(MAX_CHART_LABEL, TextTable.width(bar.label())));
      valueWidth = Math.max(valueWidth, TextTable.width(ReportCells.human(chart.kind(), bar.value(), style)));
    }
    int room = WIDTH - labelWidth - 2 - 1 - valueWidth;
    double scale = chart.scale();
    StringBuilder out = new StringBuilder();
    for (Bar bar : chart.bars()) {
      String label = truncate(bar.label(), labelWidth);
      String value = ReportCells.human(chart.kind(), bar.value(), style);
      double share = bar.value() == null || scale <= 0 ? 0 : Math.min(1, bar.value().doubleValue() / scale);
      StringBuilder line = new StringBuilder(label).append(" ".repeat(labelWidth - TextTable.width(label) + 2));
      if (chart.funnel()) {
        int cells = (int) Math.round(share * room);
        if (cells == 0 && share > 0) {
          cells = 1;
        }
        int left = (room - cells) / 2;
        line.append(" ".repeat(left)).append("█".repeat(cells)).append(" ".repeat(room - cells - left))
            .append(' ').append(" ".repeat(valueWidth - TextTable.width(value))).append(value);
      } else {
        int eighths = (int) Math.round(share * room * 8);
        if (eighths == 0 && share > 0) {
          eighths = 1;
        }
        line.append("█".repeat(eighths / 8)).append(EIGHTHS[eighths % 8]).append(eighths > 0 ? " " : "").append(value);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  static String truncate(String text, int width) {
    if (TextTable.width(text) <= width) {
      return text;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String next = new String(Character.toChars(cp));
      if (TextTable.width(s + next) > width - 1) {
        break;
      }
      s.append(next);
      i += Character.charCount(cp);
    }
    return s.toString().stripTrailing() + "…";
  }

  /**
   * {@code text} in lines of at most {@code width} columns: broken at blanks, or anywhere in a word
   * too long for a line (Chinese has no blanks between words, so any character may end a line).
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (TextTable.width(candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        if (TextTable.width(line + ch) > width && line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(ch);
        i += Character.charCount(cp);
      }
    }
    lines.add(line.toString());
    return lines;
  }
}
