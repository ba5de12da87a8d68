package dev.salesflow.cli.output;

import java.util.Map;

/** The few words of text output, in English and Chinese; labels of stages come from the process. */
public final class Words {
  private static final Map<String, String> ZH = Map.ofEntries(
      Map.entry("id", "编号"),
      Map.entry("stage", "阶段"),
      Map.entry("priority", "优先级"),
      Map.entry("owner", "负责人"),
      Map.entry("company", "公司"),
      Map.entry("since", "进入时间"),
      Map.entry("at", "时间"),
      Map.entry("event", "事件"),
      Map.entry("by", "记录人"),
      Map.entry("details", "详情"),
      Map.entry("no events", "暂无记录"),
      Map.entry("source", "来源"),
      Map.entry("industry", "行业"),
      Map.entry("size", "规模"),
      Map.entry("contact", "联系人"),
      Map.entry("registered", "登记时间"),
      Map.entry("imported", "导入"),
      Map.entry("need", "初步需求"),
      Map.entry("history", "记录"),
      Map.entry("illegal", "非法事件"),
      Map.entry("no cases", "没有符合条件的案例"),
      Map.entry("cases", "个案例"),
      Map.entry("clocks", "时限"),
      Map.entry("rule", "规则"),
      Map.entry("started", "开始"),
      Map.entry("due", "截止"),
      Map.entry("stopped", "完成"),
      Map.entry("state", "状态"),
      Map.entry("met", "按时完成"),
      Map.entry("met_late", "逾期完成"),
      Map.entry("open", "进行中"),
      Map.entry("due_soon", "即将到期"),
      Map.entry("breached", "已超期"),
      Map.entry("model", "型号"),
      Map.entry("quantity", "数量"),
      Map.entry("price", "单价"),
      Map.entry("case", "案例"),
      Map.entry("date", "日期"));

  private final String lang;

  private Words(String lang) {
    this.lang = lang;
  }

  public static Words of(String lang) {
    return new Words(lang);
  }

  /** A clock state: its own lower-case name in English. */
  public String state(String label) {
    return "zh".equals(lang) ? ZH.getOrDefault(label, label) : label;
  }

  public String get(String key) {
    if ("zh".equals(lang)) {
      return ZH.getOrDefault(key, key);
    }
    return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
