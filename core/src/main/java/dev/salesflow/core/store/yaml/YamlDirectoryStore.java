package dev.salesflow.core.store.yaml;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.store.CaseNumbers;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.UnfinishedMigration;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A folder of case files, {@code <ID>.yaml} each. Writes take an exclusive lock on
 * {@code .salesflow.lock} in the folder (between processes) and a JVM lock (between threads);
 * each write goes to a temporary file in the same folder, is forced to disk and renamed over the
 * case file, so a reader sees the old file or the new one, never half of one.
 */
public final class YamlDirectoryStore implements CaseStore {
  private static final String LOCK_FILE = ".salesflow.lock";
  private static final ReentrantLock JVM_LOCK = new ReentrantLock();

  private final Path dir;
  private final CaseFileReader reader;
  /** Null until {@link #warnTo}: no lambda on the start-up path of show (StartupPathTest). */
  private volatile java.util.function.Consumer<String> warnings;
  /** The names warned about already: a command may list the folder more than once. */
  private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Null until {@link #skipUnreadableTo}: then reads of many cases skip a broken file. */
  private volatile java.util.function.Consumer<DiagnosticsException> unreadable;

  public YamlDirectoryStore(Path dir, ProcessDefinition process, ZoneId zone) {
    this.dir = dir;
    this.reader = new CaseFileReader(process, zone);
  }

  /**
   * The folder {@code dir} as a store; refused when a migration into it did not finish, unless
   * {@code mode} is {@link OpenMode#MIGRATION}.
   */
  public static YamlDirectoryStore open(Path dir, ProcessDefinition process, ZoneId zone, OpenMode mode) {
    YamlDirectoryStore store = new YamlDirectoryStore(dir, process, zone);
    if (mode != OpenMode.MIGRATION && store.unfinishedMigration()) {
      throw UnfinishedMigration.refusal(dir);
    }
    return store;
  }

  /** The folder holding the case files. */
  public Path directory() {
    return dir;
  }

  @Override
  public String describe() {
    return "case folder " + dir;
  }

  @Override
  public List<String> ids() {
    if (!Files.isDirectory(dir)) {
      throw new StoreException("case folder " + dir + " does not exist");
    }
    List<String> ids = new ArrayList<>();
    java.util.function.Consumer<String> sink = warnings;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
      for (Path f : files) {
        String id = CaseFileReader.idFromFileName(f);
        if (!CaseIds.isValid(id)) {
          continue;
        }
        // one lstat (and an access check): a FIFO would block an open
        java.util.Optional<String> notACaseFile = CaseFileReader.notACaseFile(f);
        java.util.function.Consumer<DiagnosticsException> skip = unreadable;
        if (notACaseFile.isEmpty()) {
          ids.add(id);
        } else if (skip != null && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          // an empty or unreadable case file is a case lost from view, as broken as a bad one: listed,
          // so that a read of many cases reports it (loadReadable) and a read of it names it (loadFile)
          ids.add(id);
        } else if (sink != null && warned.add(f.getFileName().toString())) {
          sink.accept(f + " " + notACaseFile.get() + "; skipped");
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(ids);
    return ids;
  }

  @Override
  public Case load(String id) {
    return loadFile(id).value();
  }

  /** {@inheritDoc} Here a case file that does not parse or bind, or is too large. */
  @Override
  public java.util.Optional<Case> loadReadable(String id) {
    java.util.function.Consumer<DiagnosticsException> skip = unreadable;
    if (skip == null) {
      return java.util.Optional.of(load(id));
    }
    try {
      return java.util.Optional.of(load(id));
    } catch (DiagnosticsException e) {
      skip.accept(e);
      return java.util.Optional.empty();
    }
  }

  /** {@inheritDoc} Here a file is read as bytes first and parsed only when its text may match. */
  @Override
  public void forEachCase(java.util.function.Predicate<String> textMayMatch, java.util.function.Consumer<Case> action) {
    List<String> ids = ids();
    int batch = 512;
    for (int from = 0; from < ids.size(); from += batch) {
      ids.subList(from, Math.min(ids.size(), from + batch)).parallelStream()
          .filter(id -> mayMatch(id, textMayMatch))
          .map(this::loadReadable).flatMap(java.util.Optional::stream).toList().forEach(action);
    }
  }

  /** Whether the file of {@code id} is to be read as a case: its text may match, or only a full read says what it is. */
  private boolean mayMatch(String id, java.util.function.Predicate<String> textMayMatch) {
    Path file = fileOf(id);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return textMayMatch.test(new String(CaseFileReader.readBounded(file), StandardCharsets.UTF_8));
    } catch (IOException | DiagnosticsException e) {
      return true;
    }
  }

  @Override
  public void skipUnreadableTo(java.util.function.Consumer<DiagnosticsException> sink) {
    unreadable = sink;
  }

  /** An empty or unreadable case file, in check's words ({@code SF115 not-a-case-file}). */
  private static DiagnosticsException notACaseFile(Path file, String id) {
    String why = CaseFileReader.notACaseFile(file).orElse("cannot be read");
    return new DiagnosticsException(DiagnosticsException.Kind.CASE_FILE,
        List.of(Diagnostic.error(DiagnosticCode.NOT_A_CASE_FILE, file, SourcePosition.START, why).forCase(id)));
  }

  /** The case file of {@code id} with positions, for diagnostics. */
  public CaseFile loadFile(String id) {
    Path file = fileOf(id);
    byte[] bytes;
    try {
      // one lstat tells a link, a missing file and anything but a regular file (a FIFO would block the open)
      java.nio.file.attribute.BasicFileAttributes attributes =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        throw new StoreException(file + " is a symbolic link; salesflow never reads or writes case files through links"
            + " (put the file itself in " + dir + ")");
      }
      if (!attributes.isRegularFile()) {
        throw new CaseNotFoundException(id, describe());
      }
      if (attributes.size() == 0) {
        throw notACaseFile(file, id);
      }
      bytes = CaseFileReader.readBounded(file);
    } catch (java.nio.file.AccessDeniedException e) {
      throw notACaseFile(file, id);
    } catch (NoSuchFileException e) {
      throw new CaseNotFoundException(id, describe());
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return reader.read(file, bytes);
  }

  @Override
  public void create(Case c) {
    withLock(() -> {
      writeNew(c);
      return null;
    });
  }

  @Override
  public Case createWithNewId(Function<List<String>, Case> idFor) {
    return withLock(() -> {
      Case c = idFor.apply(ids());
      writeNew(c);
      return c;
    });
  }

  /**
   * {@inheritDoc} Here from one listing of the file names starting with {@code prefix}, under the
   * lock: no case is read and no file stat'ed.
   */
  @Override
  public Case createNumbered(String prefix, Function<String, Case> withId) {
    return withLock(() -> {
      int max = 0;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, globEscaped(prefix) + "*.yaml")) {
        for (Path f : files) {
          max = Math.max(max, CaseNumbers.number(prefix, CaseFileReader.idFromFileName(f)));
        }
      } catch (IOException e) {
        throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
      }
      Case c = withId.apply(CaseNumbers.after(prefix, max));
      writeNew(c);
      return c;
    });
  }

  private static String globEscaped(String text) {
    return text.replaceAll("([*?\\[\\]{}\\\\,])", "\\\\$1");
  }

  private void writeNew(Case c) {
    Path file = fileOf(c.id());
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException("case " + c.id() + " already exists (" + file + ")");
    }
    String text = CaseFileWriter.render(c);
    refuseUnreadable(file, text);
    writeAtomically(file, text);
  }

  /**
   * Refuses, before anything is written, text this store could not read back: a line or a file
   * over the reader's limits (a huge note, say).
   */
  private static void refuseUnreadable(Path file, String text) {
    try {
      YamlTreeReader.refuseLongLines(text);
    } catch (YamlSyntaxException e) {
      throw new InvalidRequestException("not written: " + file + " would hold a line of more than "
          + String.format("%,d", YamlTreeReader.MAX_LINE_CHARS) + " characters, the most a case file line may hold"
          + " (shorten the note or other long values)");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > YamlTreeReader.MAX_FILE_BYTES) {
      throw new InvalidRequestException("not written: " + file + " would be " + String.format("%,d", bytes)
          + " bytes, more than the " + String.format("%,d", YamlTreeReader.MAX_FILE_BYTES) + " a case file may hold");
    }
  }

  @Override
  public Case append(String id, Function<Case, Event> decide) {
    return withLock(() -> {
      CaseFile current = loadFile(id);
      Event event = decide.apply(current.value());
      String text = new String(readBytes(current.file()), StandardCharsets.UTF_8);
      String updated;
      try {
        updated = CaseFileWriter.appendEvent(text, current.tree(), event);
      } catch (IllegalArgumentException e) {
        throw new StoreException(current.file() + ": " + e.getMessage());
      }
      refuseUnreadable(current.file(), updated);
      Case expected = current.value().withEvent(event);
      Case reread = reader.read(current.file(), updated.getBytes(StandardCharsets.UTF_8)).value();
      if (!reread.equals(expected)) {
        throw new StoreException(current.file() + ": the appended event would not read back as written; file left unchanged");
      }
      writeAtomically(current.file(), updated);
      return expected;
    });
  }

  private byte[] readBytes(Path file) {
    try {
      return CaseFileReader.readBounded(file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Path fileOf(String id) {
    if (!CaseIds.isValid(id)) {
      throw new InvalidRequestException("invalid case id '" + id + "': " + CaseIds.rule());
    }
    return dir.resolve(id + ".yaml");
  }

  private <T> T withLock(Supplier<T> action) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new StoreException("case folder " + dir + " does not exist or is not a folder");
    }
    JVM_LOCK.lock();
    // NOFOLLOW_LINKS: a lock file replaced by a link must not make this open (and create) its target
    try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock = channel.lock()) {
      return action.get();
    } catch (IOException e) {
      throw new StoreException("cannot lock " + dir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
    } finally {
      JVM_LOCK.unlock();
    }
  }

  private void writeAtomically(Path target, String text) {
    Path temp = null;
    try {
      // one temp name per case, only ever written under the lock: one left by a writer that was
      // killed mid-write is stale, and is replaced here instead of piling up beside the case files
      temp = dir.resolve("." + target.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      // CREATE_NEW (O_EXCL): never through a link someone left there
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        keepPermissions(target, temp);
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      forceDirectory();
    } catch (IOException e) {
      throw new StoreException("cannot write " + target + ": " + e.getMessage() + " (the previous file is unchanged)", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temp file is hidden and harmless; the write already failed with its own message
        }
      }
    }
  }

  /** A temp file is private (0600); the case file keeps its own mode, or gets rw-r--r-- when new. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, mode);
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every file system lets a directory be opened for fsync; the rename itself is durable enough there
    }
  }

  /**
   * {@inheritDoc} Here the names {@code X.yaml} that {@link #ids} skips: FIFOs, folders, links;
   * and empty or unreadable files while no {@link #skipUnreadableTo} sink is set.
   */
  @Override
  public void warnTo(java.util.function.Consumer<String> sink) {
    warnings = sink;
  }

  @Override
  public boolean unfinishedMigration() {
    return hasMark(dir);
  }

  /** Whether {@code dir} holds the mark of an unfinished migration. */
  public static boolean hasMark(Path dir) {
    return Files.exists(dir.resolve(UnfinishedMigration.FOLDER_MARK), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public void beginMigration() {
    withLock(() -> {
      if (unfinishedMigration()) {
        removeCaseFiles();
      } else {
        writeAtomically(dir.resolve(UnfinishedMigration.FOLDER_MARK), "salesflow migrate into this folder has not finished\n");
      }
      return null;
    });
  }

  @Override
  public void finishMigration() {
    withLock(() -> {
      deleteMark();
      return null;
    });
  }

  @Override
  public void discardMigration() {
    withLock(() -> {
      removeCaseFiles();
      deleteMark();
      return null;
    });
  }

  private void deleteMark() {
    try {
      Files.deleteIfExists(dir.resolve(UnfinishedMigration.FOLDER_MARK));
    } catch (IOException e) {
      throw new StoreException("cannot remove " + dir.resolve(UnfinishedMigration.FOLDER_MARK) + ": " + e.getMessage(), e);
    }
    forceDirectory();
  }

  /** The case files of this folder and the temporary files of their writes: what a migration wrote. */
  private void removeCaseFiles() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{*.yaml,.*.yaml.tmp}")) {
      for (Path f : files) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot empty " + dir + " of an unfinished migration: " + e.getMessage(), e);
    }
    forceDirectory();
  }

  @Override
  public void close() {}
}
