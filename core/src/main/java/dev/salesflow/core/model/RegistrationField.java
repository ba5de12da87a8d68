package dev.salesflow.core.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registration fields of a case (Table 1) and the id: the one list of them, with the name each
 * has in a case file, on {@code register}'s command line and in a lead list, and whether a
 * registration needs it. The Java model calls the initial need {@code need} everywhere; only the
 * case file (and the SQLite column and json key that mirror it) spell it {@code needs}.
 *
 * <p>Declared in the column order of {@code export}'s lead lists. Nothing here builds a lambda or a
 * pattern: guards read these fields on every replay, {@code show}'s included.
 */
public enum RegistrationField {
  /** The case id; blank means the next free id. */
  ID("id", "id", "id", false, "case", "case id", "编号", "案例编号"),
  /** The customer company (required). */
  COMPANY("customer.company", "company", "company", true,
      "company name", "customer", "公司名称", "公司", "客户名称", "单位名称", "企业名称"),
  /** The customer's industry (required). */
  INDUSTRY("customer.industry", "industry", "industry", true, "行业", "所属行业"),
  /** The company's size, free text. */
  SIZE("customer.size", "size", "size", false, "company size", "规模", "公司规模", "企业规模"),
  /** The contact person's name (required). */
  CONTACT_NAME("customer.contact.name", "contact-name", "contact_name", true,
      "contact", "contact person", "name", "联系人", "联系人姓名", "姓名"),
  /** The contact person's job title. */
  CONTACT_TITLE("customer.contact.title", "contact-title", "contact_title", false,
      "title", "job title", "position", "职务", "职位"),
  /** The contact person's phone number. */
  PHONE("customer.contact.phone", "phone", "phone", false,
      "telephone", "tel", "mobile", "phone number", "电话", "联系电话", "手机", "手机号"),
  /** The contact person's e-mail address; must look like one. */
  EMAIL("customer.contact.email", "email", "email", false, "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"),
  /** The lead source (required): its id, or in a lead list also its English or Chinese label. */
  SOURCE("source", "source", "source", true, "channel", "source channel", "来源", "来源渠道", "渠道"),
  /** The priority (required): {@code A}, {@code B} or {@code C}, in a lead list also 高, 中 or 低. */
  PRIORITY("priority", "priority", "priority", true, "优先级"),
  /** The sales rep who owns the case (required). */
  OWNER("owner", "owner", "owner", true, "sales rep", "salesperson", "负责人", "销售", "跟进人"),
  /** The customer's initial need, free text ({@code needs:} in a case file). */
  NEED("needs", "need", "need", false, "needs", "initial need", "requirement", "需求", "初步需求"),
  /**
   * When the case was registered, a timestamp as {@link Timestamps#parse} reads it in the
   * workspace's zone; not in the future. Blank means now.
   */
  REGISTERED_AT("registered_at", "at", "registered_at", false, "registered", "registration time", "登记时间", "登记日期");

  private final String path;
  private final String flag;
  private final String column;
  private final boolean required;
  private final List<String> headers;

  RegistrationField(String path, String flag, String column, boolean required, String... headers) {
    this.path = path;
    this.flag = flag;
    this.column = column;
    this.required = required;
    this.headers = List.of(headers);
  }

  /**
   * The dotted path of the field in a case file.
   *
   * @return e.g. {@code customer.contact.phone}
   */
  public String path() {
    return path;
  }

  /**
   * The name of {@code register}'s option for the field, without its dashes.
   *
   * @return e.g. {@code contact-name}
   */
  public String flag() {
    return flag;
  }

  /**
   * The field's name as {@code export} writes it in a lead list's header row.
   *
   * @return the canonical column name, e.g. {@code contact_name}
   */
  public String column() {
    return column;
  }

  /**
   * The other headers lead lists use for the field, in English and Chinese.
   *
   * @return the headers {@link #ofHeader} also reads as this field
   */
  public List<String> headers() {
    return headers;
  }

  /**
   * Whether a registration needs the field (a phone or e-mail is needed only to leave the lead stage).
   *
   * @return true for company, industry, contact name, source, priority and owner
   */
  public boolean required() {
    return required;
  }

  /**
   * Whether {@code salesflow edit} may correct the field: all but the id, the owner (changed with
   * {@code reassign}) and the registration time.
   *
   * @return false for {@code id}, {@code owner} and {@code registered_at}
   */
  public boolean editable() {
    return this != ID && this != OWNER && this != REGISTERED_AT;
  }

  /**
   * The fields a registration needs, in declaration order.
   *
   * @return the fields whose {@link #required()} is true
   */
  public static List<RegistrationField> requiredFields() {
    List<RegistrationField> fields = new ArrayList<>();
    for (RegistrationField f : values()) {
      if (f.required) {
        fields.add(f);
      }
    }
    return fields;
  }

  /**
   * The value of this field in a case, as a lead list writes it.
   *
   * @param c a case
   * @return the value ({@code registered_at} formatted by {@link Timestamps#format}); null when missing
   */
  public String valueIn(Case c) {
    return switch (this) {
      case ID -> c.id();
      case COMPANY -> c.customer().company();
      case INDUSTRY -> c.customer().industry();
      case SIZE -> c.customer().size();
      case CONTACT_NAME -> c.customer().contact().name();
      case CONTACT_TITLE -> c.customer().contact().title();
      case PHONE -> c.customer().contact().phone();
      case EMAIL -> c.customer().contact().email();
      case SOURCE -> c.source();
      case PRIORITY -> c.priority() == null ? null : c.priority().name();
      case OWNER -> c.owner();
      case NEED -> c.need();
      case REGISTERED_AT -> c.registeredAt() == null ? null : Timestamps.format(c.registeredAt());
    };
  }

  /**
   * The value of this field in a registration request.
   *
   * @param r a registration
   * @return the value ({@code registered_at} formatted by {@link Timestamps#format}); null when not given
   */
  public String valueIn(Registration r) {
    return switch (this) {
      case ID -> r.id();
      case COMPANY -> r.company();
      case INDUSTRY -> r.industry();
      case SIZE -> r.size();
      case CONTACT_NAME -> r.contactName();
      case CONTACT_TITLE -> r.contactTitle();
      case PHONE -> r.phone();
      case EMAIL -> r.email();
      case SOURCE -> r.source();
      case PRIORITY -> r.priority();
      case OWNER -> r.owner();
      case NEED -> r.need();
      case REGISTERED_AT -> r.at() == null ? null : Timestamps.format(r.at());
    };
  }

  /**
   * Whether a case has this field filled in.
   *
   * @param c a case
   * @return false when the field is missing or blank
   */
  public boolean isFilledIn(Case c) {
    if (this == REGISTERED_AT) {
      return c.registeredAt() != null; // not formatted just to be looked at
    }
    String value = valueIn(c);
    return value != null && !value.isBlank();
  }

  /**
   * The field a guard of the process names by its path; the id, which every case has, is not one.
   *
   * @param path a dotted path, e.g. {@code customer.company}
   * @return the field, or empty when {@code path} names none
   */
  public static Optional<RegistrationField> ofPath(String path) {
    for (RegistrationField f : values()) {
      if (f != ID && f.path.equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Every path {@link #ofPath} knows, for messages.
   *
   * @return the paths in declaration order, without the id's
   */
  public static List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (RegistrationField f : values()) {
      if (f != ID) {
        paths.add(f.path);
      }
    }
    return paths;
  }

  /**
   * The field a header or field name stands for. Headers are compared after Unicode NFKC folding
   * (full-width letters become plain ones), ignoring case, blanks, {@code _} and {@code -}.
   *
   * @param header a column header, a canonical column name or one of the other headers lead lists use
   * @return the field, or empty when it names none
   */
  public static Optional<RegistrationField> ofHeader(String header) {
    String wanted = normalise(header);
    for (RegistrationField f : values()) {
      if (normalise(f.column).equals(wanted)) {
        return Optional.of(f);
      }
      for (String h : f.headers) {
        if (normalise(h).equals(wanted)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every canonical column name, for messages and {@code export}'s header row.
   *
   * @return the column names in declaration order, from {@code id} to {@code registered_at}
   */
  public static List<String> columns() {
    List<String> columns = new ArrayList<>();
    for (RegistrationField f : values()) {
      columns.add(f.column);
    }
    return columns;
  }

  /**
   * A header as compared: NFKC (full-width letters to plain), lower case, without a byte-order mark,
   * blanks ({@code [ \t\n\x0B\f\r]}), {@code _} or {@code -}.
   *
   * @param header a header, or null for an empty one
   * @return the header as compared
   */
  static String normalise(String header) {
    String h = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(h.length());
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c != '\uFEFF' && c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r' && c != '_' && c != '-') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
