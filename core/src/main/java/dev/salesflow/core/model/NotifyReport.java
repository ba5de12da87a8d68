package dev.salesflow.core.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code notify} sent, or in a dry run would send.
 *
 * @param dryRun whether nothing was sent nor recorded
 * @param messages one per person with something new to be told, by person id
 * @param anyBreached whether any follow-up is breached (told now or before)
 * @param unknownYears years the deadlines needed that the calendar has no holiday schedule for
 */
public record NotifyReport(boolean dryRun, List<NotifyMessage> messages, boolean anyBreached, SortedSet<Integer> unknownYears) {
  /**
   * Copies the collections.
   *
   * @param dryRun whether it was a dry run
   * @param messages the messages
   * @param anyBreached whether anything is breached
   * @param unknownYears the years the calendar had to guess
   */
  public NotifyReport {
    messages = List.copyOf(messages);
    unknownYears = Collections.unmodifiableSortedSet(new TreeSet<>(unknownYears));
  }

  /**
   * Whether some message could not be sent.
   *
   * @return true when any message has a failure
   */
  public boolean anyFailed() {
    return messages.stream().anyMatch(m -> m.failure() != null);
  }
}
