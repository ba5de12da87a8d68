package dev.salesflow.cli.output;

import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table; CJK characters count as two columns, as terminals show them. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  /** Each row's cell widths, worked out once (overdue renders tables of a hundred thousand rows). */
  private final List<int[]> rowWidths = new ArrayList<>();

  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  public TextTable row(List<String> cells) {
    List<String> row = new ArrayList<>(cells.size());
    for (String c : cells) {
      row.add(c == null ? "" : c);
    }
    int[] w = new int[row.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = width(row.get(i));
    }
    rows.add(row);
    rowWidths.add(w);
    return this;
  }

  public String render() {
    int[] headerWidths = new int[header.size()];
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      headerWidths[i] = width(header.get(i));
      widths[i] = headerWidths[i];
    }
    for (int[] w : rowWidths) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], w[i]);
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, header, headerWidths, widths);
    for (int r = 0; r < rows.size(); r++) {
      append(out, rows.get(r), rowWidths.get(r), widths);
    }
    return out.toString();
  }

  /** One line, padded to the column widths, without trailing blanks (as {@code stripTrailing} leaves it). */
  private static void append(StringBuilder out, List<String> cells, int[] cellWidths, int[] widths) {
    int start = out.length();
    for (int i = 0; i < cells.size(); i++) {
      out.append(cells.get(i));
      if (i < cells.size() - 1) {
        for (int pad = widths[i] - cellWidths[i] + 2; pad > 0; pad--) {
          out.append(' ');
        }
      }
    }
    int end = out.length();
    while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  /** Display width: East Asian wide and full-width characters take two columns. */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
