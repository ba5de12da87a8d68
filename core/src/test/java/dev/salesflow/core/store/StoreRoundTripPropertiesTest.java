package dev.salesflow.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * YAML → SQLite → YAML is the identity: generated cases full of awkward strings (quotes, YAML
 * indicators and reserved words, line breaks, tabs, NUL and other control characters, BOM and line-separator
 * characters, combining marks, CJK, emoji, leading and trailing blanks) and timestamps at odd
 * offsets, written as case files, migrated into a SQLite database and back into a folder, read
 * back equal at every step, and the final files are byte for byte the first ones.
 */
class StoreRoundTripPropertiesTest {
  private static final List<String> FRAGMENTS = List.of(
      "a", "\u0000", "Z", "7", " ", "  ", "'", "\"", "\\", "#", " #", ": ", ":", "-", "- ", "?", "{", "}", "[", "]", ",", "&", "*",
      "!", "|", ">", "%", "@", "`", "\t", "\n", "\r\n", "\r", "\u0001", "\u007f", "\u0085", "\u00a0", "\u2028",
      "\u2029", "\ufeff", "e\u0301", "\u05d0", "销售", "，", "😀", "null", "~", "yes", "No", "true", "0x1F", "1e3",
      "012", "---", "...", "2026-01-01", "12:30", "O'Brien", "x' OR '1'='1");

  @Provide
  Arbitrary<String> awkward() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts))
        .filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<String> maybeAwkward() {
    return awkward().injectNull(0.2);
  }

  @Provide
  Arbitrary<OffsetDateTime> instants() {
    Arbitrary<ZoneOffset> offsets = Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHoursMinutes(5, 30),
        ZoneOffset.ofHours(-11), ZoneOffset.ofHoursMinutes(-3, -30), ZoneOffset.ofHours(14));
    return Combinators.combine(Arbitraries.longs().between(0, 3L * 365 * 24 * 3600), offsets)
        .as((seconds, offset) -> OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(seconds)
            .withOffsetSameInstant(offset));
  }

  @Provide
  Arbitrary<Event> events() {
    Arbitrary<String> type = Arbitraries.of("note", "meeting", "contacted");
    Arbitrary<Map<String, String>> fields = Combinators.combine(maybeAwkward(), maybeAwkward(), maybeAwkward())
        .as((reason, channel, model) -> {
          Map<String, String> m = new LinkedHashMap<>();
          if (reason != null) {
            m.put("reason", reason);
          }
          if (channel != null) {
            m.put("channel", channel);
          }
          if (model != null) {
            m.put("model", model);
          }
          return m;
        });
    return Combinators.combine(instants(), type, maybeAwkward(), maybeAwkward(), fields).as(Event::new);
  }

  @Provide
  Arbitrary<List<Case>> cases() {
    Arbitrary<Customer> customer = Combinators.combine(awkward(), awkward(), maybeAwkward(), awkward(), maybeAwkward(),
            maybeAwkward(), maybeAwkward())
        .as((company, industry, size, name, title, phone, email) ->
            new Customer(company, industry, size, new Contact(name, title, phone, email)));
    Arbitrary<Case> one = Combinators.combine(customer, Arbitraries.of("exhibition", "online", "referral", "research", "other"),
            Arbitraries.of(Priority.class), awkward(), instants(), maybeAwkward(), events().list().ofMaxSize(5))
        .as((c, source, priority, owner, at, need, events) -> new Case("X", c, source, priority, owner, at, need,
            sorted(at, events)));
    return one.list().ofMinSize(1).ofMaxSize(4).map(list -> {
      List<Case> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Case c = list.get(i);
        numbered.add(new Case("RT-" + (i + 1), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(),
            c.need(), c.events()));
      }
      return numbered;
    });
  }

  /** Events no earlier than the registration, oldest first, as a real log is. */
  private static List<Event> sorted(OffsetDateTime registered, List<Event> events) {
    return events.stream()
        .map(e -> e.at().isBefore(registered) ? new Event(registered.plusSeconds(e.at().toEpochSecond() % 86_400)
            .withOffsetSameInstant(e.at().getOffset()), e.type(), e.by(), e.note(), e.fields()) : e)
        .sorted(Comparator.comparing(Event::at, Comparator.comparing(OffsetDateTime::toInstant)))
        .toList();
  }

  @Property(tries = 25)
  void yamlToSqliteToYamlIsTheIdentity(@ForAll("cases") List<Case> cases) throws IOException {
    Path root = Files.createTempDirectory("roundtrip");
    try {
      Files.createDirectories(root.resolve("cases"));
      Files.createDirectories(root.resolve("back"));
      Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\n");
      Workspace workspace = Workspace.open(root);
      Map<String, Case> fromYaml;
      Map<String, Case> fromSqlite;
      Map<String, Case> backInYaml;
      try (CaseStore yaml = workspace.openStore();
          CaseStore sqlite = workspace.openStore("sqlite:cases.db", root);
          CaseStore back = workspace.openStore("back", root)) {
        cases.forEach(yaml::create);
        fromYaml = all(yaml);
        sqlite.createAll(yaml.ids().stream().map(yaml::load).iterator());
        fromSqlite = all(sqlite);
        back.createAll(sqlite.ids().stream().map(sqlite::load).iterator());
        backInYaml = all(back);
      }
      Map<String, Case> expected = new TreeMap<>();
      cases.forEach(c -> expected.put(c.id(), c));
      assertThat(fromYaml).as("case files read back").isEqualTo(expected);
      assertThat(fromSqlite).as("YAML -> SQLite").isEqualTo(expected);
      assertThat(backInYaml).as("YAML -> SQLite -> YAML").isEqualTo(expected);
      for (Case c : cases) {
        String name = c.id() + ".yaml";
        assertThat(Files.readAllBytes(root.resolve("back").resolve(name))).as("the bytes of %s", name)
            .isEqualTo(Files.readAllBytes(root.resolve("cases").resolve(name)));
      }
    } finally {
      delete(root);
    }
  }

  private static Map<String, Case> all(CaseStore store) {
    Map<String, Case> all = new TreeMap<>();
    store.ids().forEach(id -> all.put(id, store.load(id)));
    return all;
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
