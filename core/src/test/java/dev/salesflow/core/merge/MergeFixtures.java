package dev.salesflow.core.merge;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registered case of the default process and case-file texts built the way the store writes them. */
final class MergeFixtures {
  static final StateMachine MACHINE = new StateMachine(ProcessLoader.defaultProcess(), new BigDecimal("1000000"));
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");
  static final String NAME = "cases/ACME-2026-001.yaml";

  private MergeFixtures() {}

  static Case registered() {
    return new Case("ACME-2026-001", new Customer("苏州精工机械有限公司", "manufacturing", null,
        new Contact("王磊", "采购经理", "+86 512 5555 0101", null)), "exhibition", Priority.A, "zhang.wei", REGISTERED,
        "数控机床配件年度采购", List.of());
  }

  /** An event {@code hours} after registration, fields as name, value pairs. */
  static Event event(double hours, String type, String... fields) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      map.put(fields[i], fields[i + 1]);
    }
    return new Event(REGISTERED.plusMinutes(Math.round(hours * 60)), type, "zhang.wei", null, map);
  }

  /** {@code text} with {@code events} recorded one after the other, as {@code salesflow log} would. */
  static String logged(String text, Event... events) {
    String out = text;
    for (Event e : events) {
      out = CaseFileWriter.appendEvent(out, tree(out), e);
    }
    return out;
  }

  static dev.salesflow.core.yaml.YamlNode.Mapping tree(String text) {
    try {
      return YamlTreeReader.readMapping(text);
    } catch (dev.salesflow.core.yaml.YamlSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static CaseMerge.Result merge(String base, String ours, String theirs) {
    return new CaseMerge(MACHINE, ZONE).merge(NAME, utf8(base), utf8(ours), utf8(theirs));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
