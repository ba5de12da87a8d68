package dev.salesflow.core.api;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A registration field as a column of a lead list. Each has its canonical name (the header
 * {@code export} writes) and the other headers lead lists use for it, in English and Chinese;
 * headers are compared ignoring case, blanks, {@code _} and {@code -}.
 */
public enum LeadField {
  ID("id", List.of("case", "case id", "编号", "案例编号"), Case::id),
  COMPANY("company", List.of("company name", "customer", "公司名称", "公司", "客户名称", "单位名称", "企业名称"),
      c -> c.customer().company()),
  INDUSTRY("industry", List.of("行业", "所属行业"), c -> c.customer().industry()),
  SIZE("size", List.of("company size", "规模", "公司规模", "企业规模"), c -> c.customer().size()),
  CONTACT_NAME("contact_name", List.of("contact", "contact person", "name", "联系人", "联系人姓名", "姓名"),
      c -> c.customer().contact().name()),
  CONTACT_TITLE("contact_title", List.of("title", "job title", "position", "职务", "职位"),
      c -> c.customer().contact().title()),
  PHONE("phone", List.of("telephone", "tel", "mobile", "phone number", "电话", "联系电话", "手机", "手机号"),
      c -> c.customer().contact().phone()),
  EMAIL("email", List.of("e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"), c -> c.customer().contact().email()),
  SOURCE("source", List.of("channel", "source channel", "来源", "来源渠道", "渠道"), Case::source),
  PRIORITY("priority", List.of("优先级"), c -> c.priority() == null ? null : c.priority().name()),
  OWNER("owner", List.of("sales rep", "salesperson", "负责人", "销售", "跟进人"), Case::owner),
  NEED("need", List.of("needs", "initial need", "requirement", "需求", "初步需求"), Case::need),
  REGISTERED_AT("registered_at", List.of("registered", "registration time", "登记时间", "登记日期"),
      c -> c.registeredAt() == null ? null : Timestamps.format(c.registeredAt()));

  private final String key;
  private final List<String> aliases;
  private final Function<Case, String> getter;

  LeadField(String key, List<String> aliases, Function<Case, String> getter) {
    this.key = key;
    this.aliases = aliases;
    this.getter = getter;
  }

  /** The canonical column name, e.g. {@code contact_name}. */
  public String key() {
    return key;
  }

  /** The value of this field in {@code c}, as written in a lead list; null when missing. */
  public String valueIn(Case c) {
    return getter.apply(c);
  }

  /** The field a header or field name stands for, if any. */
  public static Optional<LeadField> ofHeader(String header) {
    String wanted = normalise(header);
    return Arrays.stream(values())
        .filter(f -> normalise(f.key).equals(wanted) || f.aliases.stream().anyMatch(a -> normalise(a).equals(wanted)))
        .findFirst();
  }

  /** Every canonical name, for messages. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(LeadField::key).toList();
  }

  /** A header as compared: NFKC (full-width letters to plain), lower case, no blanks, '_' or '-'. */
  static String normalise(String header) {
    String h = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
    return h.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }
}
