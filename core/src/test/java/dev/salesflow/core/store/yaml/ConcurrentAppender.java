package dev.salesflow.core.store.yaml;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.process.ProcessLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A separate process for {@link MultiProcessAppendTest}: opens the case folder, says it is ready,
 * waits for the go signal and appends {@code count} notes {@code <name>-0 … <name>-(count-1)}.
 *
 * <p>Arguments: case folder, case id, writer name, count, signal folder.
 */
public final class ConcurrentAppender {
  /** Every note carries the same instant, so the log stays in time order whatever the interleaving. */
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-03T10:00:00+08:00");

  private ConcurrentAppender() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String id = args[1];
    String name = args[2];
    int count = Integer.parseInt(args[3]);
    Path signals = Path.of(args[4]);

    YamlDirectoryStore store = new YamlDirectoryStore(dir, ProcessLoader.defaultProcess(), ZoneId.of("Asia/Shanghai"));
    store.load(id);
    Files.createFile(signals.resolve(name + ".ready"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(signals.resolve("go"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no go signal within 60 s");
      }
      Thread.sleep(2);
    }
    for (int i = 0; i < count; i++) {
      String note = name + "-" + i;
      store.append(id, c -> new Event(AT, "note", name, note, Map.of()));
    }
  }
}
