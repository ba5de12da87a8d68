package dev.salesflow.core.store.contract;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM for the contract's concurrency test: opens the workspace's store, waits for the
 * go file, then appends {@code count} notes {@code <name>-0 …}, each acknowledged by a line on
 * stdout after its write returned.
 *
 * <p>Arguments: workspace root, case id, writer name, count, go file.
 */
public final class StoreWriter {
  private StoreWriter() {}

  static Process start(Path root, String id, String name, int count, Path go, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreWriter.class.getName(), root.toString(), id, name, String.valueOf(count), go.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String id = args[1];
    String name = args[2];
    int count = Integer.parseInt(args[3]);
    Path go = Path.of(args[4]);
    try (CaseStore store = Workspace.open(root).openStore()) {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(go)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no go signal within 60 s");
        }
        Thread.sleep(2);
      }
      for (int i = 0; i < count; i++) {
        String note = name + "-" + i;
        store.append(id, c -> new Event(CaseStoreContract.T0.plusHours(1), "note", name, note, Map.of()));
        System.out.println("acked " + note);
        System.out.flush();
      }
    }
  }
}
