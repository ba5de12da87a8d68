package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.store.sqlite.CaseRows.Encoded;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Stores many new cases with the work split in two: a helper thread takes batches from the
 * iterator and encodes them (replay, clocks, formatting) in parallel, while the calling thread
 * writes the batch before ({@link Handoff}). SQLite has one writer, so everything that is not
 * writing is moved off its thread. A failure on either side stops both and is thrown by {@link #run}.
 */
final class BulkLoad {
  /** Cases per batch, and so per transaction. */
  static final int BATCH = 2000;

  /** Writes one batch in one transaction. */
  interface BatchWriter {
    void write(List<Encoded> batch);
  }

  private BulkLoad() {}

  static void run(Iterator<Case> cases, Function<Case, Encoded> encode, BatchWriter writer) {
    Handoff.<List<Encoded>, RuntimeException>run("salesflow-bulk-encode", sink -> {
      while (cases.hasNext()) {
        List<Case> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && cases.hasNext()) {
          batch.add(cases.next());
        }
        sink.put(batch.parallelStream().map(encode).toList());
      }
    }, writer::write);
  }
}
