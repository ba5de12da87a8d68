package dev.salesflow.cli.command;

import dev.salesflow.core.model.Progress;
import dev.salesflow.core.model.StoreException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns the JVM's shutdown during a long write (SIGTERM, SIGINT from Ctrl-C, SIGHUP) into an
 * exception at the write's next progress step, so the core cleans up what it half wrote, and holds
 * the shutdown until then (at most {@value #GRACE_SECONDS} s; after that, or after SIGKILL, what is
 * left is marked unfinished). Closing it ends the hold and removes the hook.
 */
final class StopOnSignal implements AutoCloseable {
  static final int GRACE_SECONDS = 30;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::holdShutdown, "salesflow-stop-on-signal");
  private volatile boolean stopping;

  StopOnSignal() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private void holdShutdown() {
    stopping = true;
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code progress}, throwing instead once a signal came; {@code what} names the work in the message. */
  Progress around(Progress progress, String what) {
    return (finished, total) -> {
      if (stopping) {
        throw new StoreException(what + " stopped by a signal after " + finished + " of " + total
            + " cases; what it wrote is removed");
      }
      progress.update(finished, total);
    };
  }

  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the latch is down
    }
  }
}
