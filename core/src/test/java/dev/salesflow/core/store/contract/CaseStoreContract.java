package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link CaseStore} promises, run against each store by a subclass that only says how
 * the workspace names its store.
 */
abstract class CaseStoreContract {
  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));

  @TempDir Path root;
  Workspace workspace;
  CaseStore store;

  /** The {@code store:} line of salesflow.yaml, or empty for the default. */
  abstract String storeSetting();

  @BeforeEach
  void open() throws IOException {
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\n" + storeSetting());
    workspace = Workspace.open(root);
    store = workspace.openStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Case newCase(String id) {
    return new Case(id, new Customer("苏州精工机械有限公司", "manufacturing", "约 600 人",
            new Contact("王磊", "采购经理", "+86 512 5555 0101", "wanglei@example.cn")),
        "exhibition", Priority.A, "zhang.wei", T0, "数控机床配件 \"年度\" 采购", List.of());
  }

  static Event event(int minutes, String type, Map<String, String> fields) {
    return new Event(T0.plusMinutes(minutes), type, "zhang.wei", "note: #" + minutes, fields);
  }

  @Test
  void aCreatedCaseReadsBackEqual() {
    Case c = newCase("ACME-2026-001");
    store.create(c);
    assertThat(store.load("ACME-2026-001")).isEqualTo(c);
    assertThat(store.ids()).containsExactly("ACME-2026-001");
  }

  @Test
  void anyOwnedByFindsOnlyTheOwnersOfStoredCases() {
    assertThat(store.anyOwnedBy("zhang.wei")).isFalse();
    store.create(newCase("ACME-2026-001"));
    Case other = newCase("ACME-2026-002");
    store.create(new Case(other.id(), other.customer(), other.source(), other.priority(), "li.na", other.registeredAt(),
        other.need(), other.events()));
    assertThat(store.anyOwnedBy("zhang.wei")).isTrue();
    assertThat(store.anyOwnedBy("li.na")).isTrue();
    assertThat(store.anyOwnedBy("li.nna")).isFalse();
    assertThat(store.anyOwnedBy("Li.Na")).isFalse();
  }

  @Test
  void correctionsKeepTheHeaderAsWrittenAndWhatTheStoreKeepsForQueriesFollowsThem() {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> event(10, Event.REGISTRATION_EDITED,
        Map.of("customer.contact.phone", "+86 512 5555 0199", "priority", "C")));
    Case last = store.append("ACME-2026-001", c -> event(20, Event.REASSIGNED, Map.of("to", "li.na", "from", "zhang.wei")));
    Case read = store.load("ACME-2026-001");
    assertThat(read).isEqualTo(last);
    assertThat(read.owner()).as("the header as first written").isEqualTo("zhang.wei");
    assertThat(read.customer().contact().phone()).isEqualTo("+86 512 5555 0101");
    assertThat(read.current().owner()).isEqualTo("li.na");
    assertThat(read.current().priority()).isEqualTo(Priority.C);
    List<Case> all = new ArrayList<>();
    store.forEachCase(all::add);
    assertThat(all).containsExactly(last);
    assertThat(store.anyOwnedBy("li.na")).isTrue();
    assertThat(store.anyOwnedBy("zhang.wei")).isFalse();
    store.runningClocksDueBefore(java.time.Instant.parse("2027-01-01T00:00:00Z")).ifPresent(clocks ->
        assertThat(clocks).isNotEmpty().allSatisfy(clock -> {
          assertThat(clock.owner()).isEqualTo("li.na");
          assertThat(clock.priority()).isEqualTo(Priority.C);
        }));
    List<dev.salesflow.core.model.CaseStanding> standing = new ArrayList<>();
    if (store.forEachStanding(java.util.EnumSet.of(dev.salesflow.core.model.RegistrationField.OWNER,
        dev.salesflow.core.model.RegistrationField.PHONE), standing::add)) {
      assertThat(standing).singleElement().satisfies(s -> {
        assertThat(s.value().owner()).isEqualTo("li.na");
        assertThat(s.value().customer().contact().phone()).isEqualTo("+86 512 5555 0199");
      });
    }
  }

  @Test
  void idsAreSorted() {
    for (String id : List.of("B-2", "A-10", "A-2")) {
      store.create(newCase(id));
    }
    assertThat(store.ids()).containsExactly("A-10", "A-2", "B-2");
  }

  @Test
  void appendedEventsKeepTheirFieldsAndOrder() {
    store.create(newCase("ACME-2026-001"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", "needs");
    fields.put("reason", "客户要求, 加急: yes");
    Event advance = event(60, Event.ADVANCE, fields);
    Event note = new Event(OffsetDateTime.of(2026, 11, 2, 10, 45, 0, 0, ZoneOffset.ofHours(1)), "note", null, null, Map.of());
    store.append("ACME-2026-001", c -> event(30, "meeting", Map.of()));
    store.append("ACME-2026-001", c -> advance);
    Case last = store.append("ACME-2026-001", c -> note);
    Case read = store.load("ACME-2026-001");
    assertThat(read).isEqualTo(last);
    assertThat(read.events()).hasSize(3);
    assertThat(read.events().get(1).fields().keySet()).containsExactly("to", "reason");
    assertThat(read.events().get(2).at().getOffset()).as("the offset as written").isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  void anEventRecordedLateIsAppendedWithItsTimesAndItsClocksFollowWhenItHappened() {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> event(180, "note", Map.of()));
    java.time.Instant later = java.time.Instant.parse("2026-12-31T00:00:00Z");
    store.runningClocksDueBefore(later).ifPresent(clocks ->
        assertThat(clocks).as("first contact still to make").anyMatch(k -> k.clock().rule().equals("first-contact")));
    OffsetDateTime writtenAt = T0.plusDays(1);
    Event late = event(60, "contacted", Map.of()).recordedAt(writtenAt);

    Case last = store.append("ACME-2026-001", c -> late);

    Case read = store.load("ACME-2026-001");
    assertThat(read).isEqualTo(last);
    assertThat(read.events()).extracting(Event::type).as("file order: appended at the end").containsExactly("note", "contacted");
    assertThat(read.events().get(1).at()).isEqualTo(T0.plusMinutes(60));
    assertThat(read.events().get(1).recordedAt()).contains(writtenAt);
    assertThat(read.timeline()).extracting(Event::type).as("time order").containsExactly("contacted", "note");
    store.runningClocksDueBefore(later).ifPresent(clocks ->
        assertThat(clocks).as("the late contact stopped it").noneMatch(k -> k.clock().rule().equals("first-contact")));
  }

  @Test
  void eachEventRestartsTheStalledClockInTheSameWrite() {
    store.create(newCase("ACME-2026-001"));
    java.time.Instant later = java.time.Instant.parse("2027-06-30T00:00:00Z");
    store.append("ACME-2026-001", c -> event(60, "note", Map.of()));
    store.runningClocksDueBefore(later).ifPresent(clocks -> assertThat(clocks)
        .filteredOn(k -> k.clock().rule().equals("stalled")).singleElement()
        .satisfies(k -> assertThat(k.clock().startedAt()).isEqualTo(T0.plusMinutes(60).toInstant())));
    store.append("ACME-2026-001", c -> event(60 * 24 * 5, "contacted", Map.of()));
    store.runningClocksDueBefore(later).ifPresent(clocks -> assertThat(clocks)
        .filteredOn(k -> k.clock().rule().equals("stalled")).singleElement()
        .satisfies(k -> {
          assertThat(k.clock().startedAt()).isEqualTo(T0.plusDays(5).toInstant());
          // in lead: 14 days after Sat Nov 7, at the end of Sat Nov 21
          assertThat(k.clock().dueAt()).isEqualTo(java.time.Instant.parse("2026-11-21T15:59:59Z"));
        }));
  }

  @Test
  void formFieldsWithItemsAndDatesKeepTheirValuesAndOrder() {
    store.create(newCase("ACME-2026-001"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("items.1.model", "ACME-DS-40");
    fields.put("items.1.quantity", "1");
    fields.put("items.1.price", "680000.50");
    fields.put("items.2.model", "备件包 \"A\", 2 套");
    fields.put("items.2.quantity", "2");
    fields.put("currency", "CNY");
    fields.put("result", "accepted_with_remarks");
    fields.put("remarks", "外包装轻微破损\n已拍照");
    fields.put("signer", "王磊 (采购经理)");
    fields.put("date", "2026-11-20");
    Case last = store.append("ACME-2026-001", c -> event(60, "delivery_accepted", fields));
    Case read = store.load("ACME-2026-001");
    assertThat(read).isEqualTo(last);
    assertThat(read.events().get(0).fields()).containsExactlyEntriesOf(fields);
  }

  @Test
  void theDecisionSeesTheCaseAsStored() {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> event(1, "note", Map.of()));
    List<Integer> seen = new ArrayList<>();
    store.append("ACME-2026-001", c -> {
      seen.add(c.events().size());
      return event(2, "note", Map.of());
    });
    assertThat(seen).containsExactly(1);
  }

  @Test
  void aRefusedDecisionWritesNothing() {
    store.create(newCase("ACME-2026-001"));
    Case before = store.load("ACME-2026-001");
    assertThatThrownBy(() -> store.append("ACME-2026-001", c -> {
      throw new InvalidRequestException("no");
    })).isInstanceOf(InvalidRequestException.class);
    assertThat(store.load("ACME-2026-001")).isEqualTo(before);
  }

  @Test
  void aTakenIdIsRefused() {
    store.create(newCase("ACME-2026-001"));
    assertThatThrownBy(() -> store.create(newCase("ACME-2026-001")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already exists");
  }

  @Test
  void createAllRefusesATakenIdAndLeavesTheStoredCaseAsItWas() {
    Case stored = newCase("ACME-2026-002");
    store.create(stored);
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      cases.add(newCaseWithId(String.format("ACME-2026-%03d", i)));
    }
    assertThatThrownBy(() -> store.createAll(cases.iterator()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ACME-2026-002 already exists");
    assertThat(store.load("ACME-2026-002")).isEqualTo(stored);
  }

  @Test
  void createAllRefusesAnIdGivenTwice() {
    List<Case> cases = List.of(newCaseWithId("ACME-2026-001"), newCaseWithId("ACME-2026-001"));
    assertThatThrownBy(() -> store.createAll(cases.iterator()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ACME-2026-001 already exists");
  }

  @Test
  void createAllPassesOnAFailureToReadTheSource() {
    java.util.Iterator<Case> failing = java.util.stream.Stream.<java.util.function.Supplier<Case>>of(
        () -> newCaseWithId("ACME-2026-001"), () -> {
          throw new IllegalStateException("unreadable source case");
        }).map(java.util.function.Supplier::get).iterator();
    assertThatThrownBy(() -> store.createAll(failing)).hasMessage("unreadable source case");
  }

  @Test
  void anUnknownCaseIsNotFound() {
    assertThatThrownBy(() -> store.load("NOPE-1")).isInstanceOf(CaseNotFoundException.class);
    assertThatThrownBy(() -> store.append("NOPE-1", c -> event(1, "note", Map.of())))
        .isInstanceOf(CaseNotFoundException.class);
  }

  @Test
  void invalidIdsAreRefused() {
    for (String bad : List.of("../x", "a/b", "CON", "..", "")) {
      assertThatThrownBy(() -> store.load(bad)).as(bad).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void aNewIdIsChosenUnderTheWriteLock() {
    store.create(newCase("SF-2026-001"));
    Case c = store.createWithNewId(ids -> newCaseWithId("SF-2026-00" + (ids.size() + 1)));
    assertThat(c.id()).isEqualTo("SF-2026-002");
    assertThat(store.ids()).containsExactly("SF-2026-001", "SF-2026-002");
  }

  @Test
  void aNumberedIdIsOneAboveTheHighestNumberOfItsPrefix() {
    for (String id : List.of("SF-2026-001", "SF-2026-0100", "SF-2026-009", "SF-2026-00X", "SF-2026-123456789",
        "SF-2025-500", "SF-2026-1a")) {
      store.create(newCaseWithId(id));
    }
    assertThat(store.createNumbered("SF-2026-", CaseStoreContract::newCaseWithId).id()).isEqualTo("SF-2026-101");
    assertThat(store.createNumbered("SF-2024-", CaseStoreContract::newCaseWithId).id()).isEqualTo("SF-2024-001");
    assertThat(store.createNumbered("SF-2025-", CaseStoreContract::newCaseWithId).id()).isEqualTo("SF-2025-501");
  }

  @Test
  void numberedIdsCreatedAtOnceAreAllDifferent() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> made = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        made.add(pool.submit(() -> store.createNumbered("SF-2026-", CaseStoreContract::newCaseWithId).id()));
      }
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (java.util.concurrent.Future<String> f : made) {
        ids.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(ids).hasSize(40).contains("SF-2026-001", "SF-2026-040");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void createAllStoresEveryCase() {
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      cases.add(newCaseWithId(String.format("ACME-2026-%03d", i)));
    }
    store.createAll(cases.iterator());
    assertThat(store.loadAll()).containsExactlyElementsOf(cases);
  }

  @Test
  void createAllTellsHowManyAreStoredOnlyOnceTheyAre() {
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      cases.add(newCaseWithId(String.format("ACME-2026-%03d", i)));
    }
    List<Integer> told = new ArrayList<>();
    store.createAll(cases.iterator(), stored -> {
      assertThat(store.ids()).as("stored when told %d", stored).hasSizeGreaterThanOrEqualTo(stored);
      told.add(stored);
    });
    assertThat(told).isNotEmpty().isSorted().doesNotHaveDuplicates().endsWith(30);
  }

  static Case newCaseWithId(String id) {
    Case c = newCase("X");
    return new Case(id, c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), c.events());
  }

  @Test
  void eightProcessesLoggingAtOnceLoseNoEvent() throws Exception {
    store.create(newCase("ACME-2026-001"));
    store.create(newCase("ACME-2026-002"));
    store.close();
    int writers = 8;
    int each = 20;
    Path go = root.resolve("go");
    List<Process> processes = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        String id = w % 3 == 0 ? "ACME-2026-002" : "ACME-2026-001";
        processes.add(StoreWriter.start(root, id, "w" + w, each, go, root.resolve("w" + w + ".log")));
      }
      Files.createFile(go);
      for (int w = 0; w < writers; w++) {
        assertThat(processes.get(w).waitFor(120, TimeUnit.SECONDS)).as("writer %d finished", w).isTrue();
        assertThat(processes.get(w).exitValue()).as("writer %d: %s", w, Files.readString(root.resolve("w" + w + ".log"))).isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    store = workspace.openStore();
    List<String> notes = new ArrayList<>();
    for (String id : List.of("ACME-2026-001", "ACME-2026-002")) {
      store.load(id).events().forEach(e -> notes.add(e.note()));
    }
    assertThat(notes).hasSize(writers * each).doesNotHaveDuplicates();
    for (int w = 0; w < writers; w++) {
      String prefix = "w" + w + "-";
      assertThat(notes.stream().filter(n -> n.startsWith(prefix)))
          .as("writer %d's notes in its own order", w)
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, each).mapToObj(i -> prefix + i).toList());
    }
  }
}
