package dev.salesflow.cli;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.OpenMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspaces the commands of one {@code batch} opened, kept open until the batch ends: each line
 * gets a {@link Salesflow#keptOpen} handle on the same store (one SQLite connection, one reading of
 * {@code salesflow.yaml} and the process) instead of opening it again.
 */
public final class KeptWorkspaces implements AutoCloseable {
  private record Key(Path root, String store, Path base) {}

  private final Map<Key, Salesflow> open = new LinkedHashMap<>();

  /**
   * A handle on the workspace at {@code root} with {@code store}, opened with {@code mode} the
   * first time it is asked for. A store opened once for reading serves later writes too: by then
   * the database exists.
   */
  public Salesflow open(Path root, String store, Path base, OpenMode mode) {
    Key key = new Key(root.toAbsolutePath().normalize(), store, base.toAbsolutePath().normalize());
    Salesflow flow = open.get(key);
    if (flow == null) {
      flow = Salesflow.open(root, store, base, mode);
      open.put(key, flow);
    }
    return flow.keptOpen();
  }

  /** Closes every store opened here. */
  @Override
  public void close() {
    for (Salesflow flow : List.copyOf(open.values())) {
      flow.close();
    }
    open.clear();
  }
}
