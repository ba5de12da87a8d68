package dev.salesflow.core.model;

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
  /** The case id; blank means the next free id. */
  ID("id", List.of("case", "case id", "编号", "案例编号"), Case::id),
  /** The customer company (required). */
  COMPANY("company", List.of("company name", "customer", "公司名称", "公司", "客户名称", "单位名称", "企业名称"),
      c -> c.customer().company()),
  /** The customer's industry (required). */
  INDUSTRY("industry", List.of("行业", "所属行业"), c -> c.customer().industry()),
  /** The company's size, free text. */
  SIZE("size", List.of("company size", "规模", "公司规模", "企业规模"), c -> c.customer().size()),
  /** The contact person's name (required). */
  CONTACT_NAME("contact_name", List.of("contact", "contact person", "name", "联系人", "联系人姓名", "姓名"),
      c -> c.customer().contact().name()),
  /** The contact person's job title. */
  CONTACT_TITLE("contact_title", List.of("title", "job title", "position", "职务", "职位"),
      c -> c.customer().contact().title()),
  /** The contact person's phone number. */
  PHONE("phone", List.of("telephone", "tel", "mobile", "phone number", "电话", "联系电话", "手机", "手机号"),
      c -> c.customer().contact().phone()),
  /** The contact person's e-mail address. */
  EMAIL("email", List.of("e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"), c -> c.customer().contact().email()),
  /** The lead source (required): its id or its English or Chinese label. */
  SOURCE("source", List.of("channel", "source channel", "来源", "来源渠道", "渠道"), Case::source),
  /** The priority (required): {@code A}, {@code B} or {@code C}, or 高, 中 or 低. */
  PRIORITY("priority", List.of("优先级"), c -> c.priority() == null ? null : c.priority().name()),
  /** The sales rep who owns the case (required). */
  OWNER("owner", List.of("sales rep", "salesperson", "负责人", "销售", "跟进人"), Case::owner),
  /** The customer's initial need, free text. */
  NEED("need", List.of("needs", "initial need", "requirement", "需求", "初步需求"), Case::need),
  /**
   * When the case was registered, a timestamp as {@link Timestamps#parse} reads it in the workspace's
   * zone; not in the future. Blank means the time of the import.
   */
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

  /**
   * The field's name as {@code export} writes it in its header row.
   *
   * @return the canonical column name, e.g. {@code contact_name}
   */
  public String key() {
    return key;
  }

  /**
   * The value of this field in a case, as written in a lead list.
   *
   * @param c a case
   * @return the value ({@code registered_at} formatted by {@link Timestamps#format}); null when missing
   */
  public String valueIn(Case c) {
    return getter.apply(c);
  }

  /**
   * The field a header or field name stands for. Headers are compared after Unicode NFKC folding
   * (full-width letters become plain ones), ignoring case, blanks, {@code _} and {@code -}.
   *
   * @param header a column header, a canonical name or one of the other names lead lists use
   * @return the field, or empty when it names none
   */
  public static Optional<LeadField> ofHeader(String header) {
    String wanted = normalise(header);
    return Arrays.stream(values())
        .filter(f -> normalise(f.key).equals(wanted) || f.aliases.stream().anyMatch(a -> normalise(a).equals(wanted)))
        .findFirst();
  }

  /**
   * Every canonical name, for messages.
   *
   * @return the canonical names in declaration order, from {@code id} to {@code registered_at}
   */
  public static List<String> keys() {
    return Arrays.stream(values()).map(LeadField::key).toList();
  }

  /** A header as compared: NFKC (full-width letters to plain), lower case, no blanks, '_' or '-'. */
  static String normalise(String header) {
    String h = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
    return h.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }
}
