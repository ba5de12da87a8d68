package dev.salesflow.core.store;

import java.util.Collection;
import java.util.Set;

/** The notices {@code notify} has sent, so that a cron job never sends one twice. */
public interface SentLog {
  /** Every notice recorded as sent. */
  Set<SentNotice> sent();

  /** Records {@code notices} as sent; called only after they were delivered. */
  void record(Collection<SentNotice> notices);
}
