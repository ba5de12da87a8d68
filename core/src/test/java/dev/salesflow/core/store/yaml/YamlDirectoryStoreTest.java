package dev.salesflow.core.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.process.ProcessLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlDirectoryStoreTest {
  private static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");

  @TempDir Path dir;
  private YamlDirectoryStore store;

  @BeforeEach
  void open() {
    store = new YamlDirectoryStore(dir, ProcessLoader.defaultProcess(), ZoneId.of("Asia/Shanghai"));
  }

  static Case newCase(String id) {
    return new Case(id, new Customer("ACME", "retail", null, new Contact("Li", null, "123", null)),
        "online", Priority.B, "li.na", REGISTERED, null, List.of());
  }

  static Event note(String text, int minutes) {
    return new Event(REGISTERED.plusMinutes(minutes), "note", "li.na", text, Map.of());
  }

  private byte[] bytesOf(String id) throws IOException {
    return Files.readAllBytes(dir.resolve(id + ".yaml"));
  }

  /** Files in the folder other than case files and the lock: temp files left behind. */
  private List<String> strayFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".yaml") && !n.equals(".salesflow.lock"))
          .toList();
    }
  }

  @Test
  void aCreatedCaseLoadsBackAndIsListed() {
    store.create(newCase("ACME-2026-001"));

    assertThat(store.load("ACME-2026-001")).isEqualTo(newCase("ACME-2026-001"));
    assertThat(store.ids()).containsExactly("ACME-2026-001");
  }

  @Test
  void createRefusesADuplicateIdAndKeepsTheFile() throws IOException {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> note("first", 10));
    byte[] before = bytesOf("ACME-2026-001");

    assertThatThrownBy(() -> store.create(newCase("ACME-2026-001")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("ACME-2026-001 already exists");

    assertThat(bytesOf("ACME-2026-001")).isEqualTo(before);
  }

  @Test
  void createWithNewIdSeesTheIdsPresent() {
    store.create(newCase("SF-2026-001"));
    store.create(newCase("SF-2026-002"));
    AtomicReference<List<String>> seen = new AtomicReference<>();

    Case created = store.createWithNewId(ids -> {
      seen.set(ids);
      return newCase("SF-2026-" + String.format("%03d", ids.size() + 1));
    });

    assertThat(seen.get()).containsExactly("SF-2026-001", "SF-2026-002");
    assertThat(created.id()).isEqualTo("SF-2026-003");
    assertThat(store.load("SF-2026-003")).isEqualTo(created);
  }

  @Test
  void createWithNewIdRefusesAnIdThatIsTaken() {
    store.create(newCase("SF-2026-001"));

    assertThatThrownBy(() -> store.createWithNewId(ids -> newCase("SF-2026-001")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void loadingAnUnknownIdIsNotFound() {
    assertThatThrownBy(() -> store.load("NOPE-1"))
        .isInstanceOf(CaseNotFoundException.class)
        .hasMessageContaining("NOPE-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "CON", "con", "a/b", "", "-x", "x.yaml", "a b", "..", "nul"})
  void anInvalidIdIsAnInvalidRequestEverywhere(String id) {
    assertThatThrownBy(() -> store.load(id)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> store.append(id, c -> note("x", 1))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> store.create(newCase(id))).isInstanceOf(InvalidRequestException.class);
    assertThat(dir.getParent().resolve("x.yaml")).doesNotExist();
  }

  @Test
  void appendWritesTheEventAfterTheUntouchedBytes() throws IOException {
    store.create(newCase("ACME-2026-001"));
    Path file = dir.resolve("ACME-2026-001.yaml");
    String handEdited = Files.readString(file).replace("source: online", "source: online   # met at the fair");
    Files.writeString(file, handEdited);

    Case after = store.append("ACME-2026-001", c -> note("call back: \"Friday\"", 5));

    String text = Files.readString(file);
    assertThat(text).startsWith(handEdited);
    assertThat(text.substring(handEdited.length())).isEqualTo(CaseFileWriter.eventLine(note("call back: \"Friday\"", 5), "  "));
    assertThat(after.events()).containsExactly(note("call back: \"Friday\"", 5));
    assertThat(store.load("ACME-2026-001")).isEqualTo(after);
  }

  @Test
  void aWindowsEditedFileKeepsItsBomAndLineEnds() throws IOException {
    store.create(newCase("ACME-2026-001"));
    Path file = dir.resolve("ACME-2026-001.yaml");
    byte[] edited = ("\uFEFF" + Files.readString(file).replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    Files.write(file, edited);

    store.append("ACME-2026-001", c -> note("from Windows", 3));

    byte[] after = Files.readAllBytes(file);
    assertThat(java.util.Arrays.copyOf(after, edited.length)).isEqualTo(edited);
    String added = new String(after, edited.length, after.length - edited.length, StandardCharsets.UTF_8);
    assertThat(added).isEqualTo(CaseFileWriter.eventLine(note("from Windows", 3), "  ").replace("\n", "\r\n"));
    assertThat(store.load("ACME-2026-001").events()).containsExactly(note("from Windows", 3));
  }

  @Test
  void theDecisionSeesTheCaseAsStored() {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> note("one", 1));
    List<Integer> seenSizes = new ArrayList<>();

    store.append("ACME-2026-001", c -> {
      seenSizes.add(c.events().size());
      return note("two", 2);
    });

    assertThat(seenSizes).containsExactly(1);
  }

  @Test
  void aRefusedDecisionLeavesTheFileUntouched() throws IOException {
    store.create(newCase("ACME-2026-001"));
    store.append("ACME-2026-001", c -> note("one", 1));
    byte[] before = bytesOf("ACME-2026-001");
    RefusedException refusal = new RefusedException("ACME-2026-001", "cannot record", List.of("not now"));

    assertThatThrownBy(() -> store.append("ACME-2026-001", c -> {
      throw refusal;
    })).isSameAs(refusal);

    assertThat(bytesOf("ACME-2026-001")).isEqualTo(before);
    assertThat(strayFiles()).isEmpty();
  }

  @Test
  void aBlankNoteIsStoredAsNoNoteSoTheFileReadsBackAsWritten() throws IOException {
    store.create(newCase("ACME-2026-001"));

    Case appended = store.append("ACME-2026-001", c -> note("   ", 1));

    assertThat(appended.events()).singleElement().satisfies(e -> assertThat(e.note()).isNull());
    assertThat(store.load("ACME-2026-001")).isEqualTo(appended);
    assertThat(strayFiles()).isEmpty();
  }

  @Test
  void aFlowStyleEventListCannotBeExtendedAndIsLeftAlone() throws IOException {
    store.create(newCase("ACME-2026-001"));
    Path file = dir.resolve("ACME-2026-001.yaml");
    String text = Files.readString(file).replace("events:\n", "events: [{at: 2026-11-03T09:00:00+08:00, type: note}]\n");
    Files.writeString(file, text);

    assertThatThrownBy(() -> store.append("ACME-2026-001", c -> note("x", 100)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("flow style");

    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void anUnreadableCaseFileIsReportedAndNotWritten() throws IOException {
    Path file = dir.resolve("ACME-2026-001.yaml");
    Files.writeString(file, "id: ACME-2026-001\npriority: Z\n");

    assertThatThrownBy(() -> store.append("ACME-2026-001", c -> note("x", 1))).isInstanceOf(DiagnosticsException.class);
    assertThatThrownBy(() -> store.load("ACME-2026-001")).isInstanceOf(DiagnosticsException.class);

    assertThat(Files.readString(file)).isEqualTo("id: ACME-2026-001\npriority: Z\n");
  }

  @Test
  void aSymlinkedCaseFileIsNeitherListedNorLoaded(@TempDir Path elsewhere) throws IOException {
    store.create(newCase("REAL-1"));
    Path target = elsewhere.resolve("LINK-1.yaml");
    Files.writeString(target, new String(bytesOf("REAL-1"), StandardCharsets.UTF_8).replace("REAL-1", "LINK-1"));
    Files.createSymbolicLink(dir.resolve("LINK-1.yaml"), target);

    assertThat(store.ids()).containsExactly("REAL-1");
    // refused as a link (exit 3), not "not found", so the user learns why the file is ignored
    assertThatThrownBy(() -> store.load("LINK-1")).isInstanceOf(StoreException.class).hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> store.append("LINK-1", c -> note("x", 1))).isInstanceOf(StoreException.class)
        .hasMessageContaining("never reads or writes case files through links");
    assertThatThrownBy(() -> store.create(newCase("LINK-1"))).isInstanceOf(InvalidRequestException.class);
    assertThat(Files.readString(target)).doesNotContain("note");
  }

  @Test
  void onlyValidCaseFilesAreListedSorted() throws IOException {
    store.create(newCase("B-2"));
    store.create(newCase("A-10"));
    store.create(newCase("A-9"));
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.writeString(dir.resolve("CON.yaml"), "x");
    Files.writeString(dir.resolve("has space.yaml"), "x");
    Files.writeString(dir.resolve(".A-1.yaml123.tmp"), "x");
    Files.createDirectory(dir.resolve("DIR-1.yaml"));

    assertThat(store.ids()).containsExactly("A-10", "A-9", "B-2");
    assertThat(store.loadAll()).extracting(Case::id).containsExactly("A-10", "A-9", "B-2");
  }

  @Test
  void aMissingFolderIsAStoreError() {
    YamlDirectoryStore missing = new YamlDirectoryStore(dir.resolve("absent"), ProcessLoader.defaultProcess(), ZoneId.of("UTC"));

    assertThatThrownBy(missing::ids).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> missing.create(newCase("A-1"))).isInstanceOf(StoreException.class);
  }

  @Test
  void threadsAppendingAtOnceLoseNoEvent() throws Exception {
    store.create(newCase("ACME-2026-001"));
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          YamlDirectoryStore own = new YamlDirectoryStore(dir, ProcessLoader.defaultProcess(), ZoneId.of("Asia/Shanghai"));
          for (int i = 0; i < each; i++) {
            String text = "t" + thread + "-" + i;
            own.append("ACME-2026-001", c -> note(text, 1));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> notes = store.load("ACME-2026-001").events().stream().map(Event::note).toList();
    assertThat(notes).hasSize(threads * each).doesNotHaveDuplicates();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      // each writer's own events keep their order
      List<String> own = notes.stream().filter(n -> n.startsWith("t" + thread + "-")).toList();
      assertThat(own).hasSize(each);
      for (int i = 0; i < each; i++) {
        assertThat(own.get(i)).isEqualTo("t" + thread + "-" + i);
      }
    }
  }
}
