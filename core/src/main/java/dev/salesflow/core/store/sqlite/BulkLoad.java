package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.store.sqlite.CaseRows.Encoded;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Stores many new cases with the work split in two: a helper thread takes batches from the
 * iterator and encodes them (replay, clocks, formatting) in parallel, while the calling thread
 * writes the batch before. SQLite has one writer, so everything that is not writing is moved off
 * its thread. A failure on either side stops both and is thrown by {@link #run}.
 */
final class BulkLoad {
  /** Cases per batch, and so per transaction. */
  static final int BATCH = 2000;
  /** Encoded batches waiting for the writer: bounds memory to a few batches. */
  private static final int QUEUED = 2;

  /** Writes one batch in one transaction. */
  interface BatchWriter {
    void write(List<Encoded> batch);
  }

  private sealed interface Item {}

  private record Rows(List<Encoded> rows) implements Item {}

  private record Failed(Throwable cause) implements Item {}

  private record End() implements Item {}

  private BulkLoad() {}

  static void run(Iterator<Case> cases, Function<Case, Encoded> encode, BatchWriter writer) {
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    Thread encoder = new Thread(() -> encodeAll(cases, encode, queue), "salesflow-bulk-encode");
    encoder.setDaemon(true);
    encoder.start();
    try {
      while (true) {
        Item item = queue.take();
        if (item instanceof Rows rows) {
          writer.write(rows.rows());
        } else if (item instanceof Failed failed) {
          throw rethrown(failed.cause());
        } else {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing cases", e);
    } finally {
      encoder.interrupt();
      joinQuietly(encoder);
    }
  }

  private static void encodeAll(Iterator<Case> cases, Function<Case, Encoded> encode, BlockingQueue<Item> queue) {
    try {
      try {
        while (cases.hasNext()) {
          List<Case> batch = new ArrayList<>(BATCH);
          while (batch.size() < BATCH && cases.hasNext()) {
            batch.add(cases.next());
          }
          queue.put(new Rows(batch.parallelStream().map(encode).toList()));
        }
        queue.put(new End());
      } catch (RuntimeException | Error e) {
        queue.put(new Failed(e));
      }
    } catch (InterruptedException writerGaveUp) {
      // the writer failed or finished: nothing more is wanted
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return (RuntimeException) cause;
  }

  private static void joinQuietly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
