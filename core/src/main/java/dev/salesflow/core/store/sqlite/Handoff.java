package dev.salesflow.core.store.sqlite;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Work split in two: a helper thread makes batches while the calling thread uses the one before,
 * at most {@value #QUEUED} waiting in between, so memory stays that of a few batches. A failure on
 * either side stops both and is thrown by {@link #run}. SQLite does its work on one thread; this
 * moves everything else off it (encoding cases for {@link BulkLoad}, reading chunks for {@link
 * StandingScan}).
 */
final class Handoff {
  /** Batches waiting for the calling thread. */
  static final int QUEUED = 2;

  /** Makes the batches on the helper thread, giving each to {@code sink} in order. */
  interface Producer<T, E extends Exception> {
    void produce(Sink<T> sink) throws E, InterruptedException;
  }

  /** Takes a batch to the calling thread; waits while {@value #QUEUED} are waiting. */
  interface Sink<T> {
    void put(T batch) throws InterruptedException;
  }

  private sealed interface Item<T> {}

  private record Batch<T>(T value) implements Item<T> {}

  private record Failed<T>(Throwable cause) implements Item<T> {}

  private record End<T>() implements Item<T> {}

  private Handoff() {}

  /** Runs {@code producer} on a thread named {@code name} and gives its batches to {@code consumer} here. */
  static <T, E extends Exception> void run(String name, Producer<T, E> producer, Consumer<T> consumer) throws E {
    BlockingQueue<Item<T>> queue = new ArrayBlockingQueue<>(QUEUED);
    Thread helper = new Thread(() -> produceAll(producer, queue), name);
    helper.setDaemon(true);
    helper.start();
    try {
      while (true) {
        Item<T> item = queue.take();
        if (item instanceof Batch<T> batch) {
          consumer.accept(batch.value());
        } else if (item instanceof Failed<T> failed) {
          throw Handoff.<E>rethrown(failed.cause());
        } else {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } finally {
      helper.interrupt();
      joinQuietly(helper);
    }
  }

  private static <T, E extends Exception> void produceAll(Producer<T, E> producer, BlockingQueue<Item<T>> queue) {
    try {
      try {
        producer.produce(batch -> queue.put(new Batch<>(batch)));
        queue.put(new End<>());
      } catch (InterruptedException consumerGaveUp) {
        throw consumerGaveUp;
      } catch (Exception | Error e) {
        queue.put(new Failed<>(e));
      }
    } catch (InterruptedException consumerGaveUp) {
      // the calling thread failed or finished: nothing more is wanted
    }
  }

  /** The producer's failure: an Error or unchecked exception as it is, else its {@code E}. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrown(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (E) cause;
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
