package dev.salesflow.cli.output;

import dev.salesflow.cli.Format;
import dev.salesflow.core.model.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders report sheets in the format asked for, after keeping only the table asked for. */
public final class ReportOutput {
  private ReportOutput() {}

  public static String render(List<ReportSheet> sheets, Format format, String table, ReportMachine.ReportRequest request,
      String lang) {
    if (format == Format.CSV && sheets.size() > 1) {
      throw new InvalidRequestException("--format csv prints one table: choose funnel, sla, aging, owners or forecast");
    }
    List<ReportSheet> chosen = table == null ? sheets : select(sheets, table);
    var zone = request.zone();
    var style = new ReportCells.Style(zone, lang);
    return switch (format) {
      case JSON -> {
        if (chosen.size() == 1) {
          yield CaseOutput.json(ReportMachine.json(chosen.get(0), request)) + "\n";
        }
        Map<String, Object> all = new LinkedHashMap<>();
        chosen.forEach(s -> all.put(s.kind(), ReportMachine.json(s, request)));
        yield CaseOutput.json(all) + "\n";
      }
      case CSV -> ReportMachine.csv(chosen.get(0).tables().get(0), zone);
      case MD -> ReportMarkdown.render(chosen, style);
      case HTML -> ReportHtml.render(chosen, style, "zh".equals(lang) ? "销售管道报告" : "Sales pipeline report");
      default -> ReportText.render(chosen, style);
    };
  }

  private static List<ReportSheet> select(List<ReportSheet> sheets, String table) {
    List<ReportSheet> chosen = sheets.stream().map(s -> s.only(table)).filter(s -> s != null).toList();
    if (chosen.isEmpty()) {
      throw new InvalidRequestException("--table: no table '" + table + "' (tables: " + String.join(", ",
          sheets.stream().flatMap(s -> s.tables().stream()).map(ReportSheet.Table::key).distinct().toList()) + ")");
    }
    return chosen;
  }
}
