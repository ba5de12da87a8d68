package dev.salesflow.core.merge;

import dev.salesflow.core.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events two sides appended after their common ones, as one log in time order: each side's
 * own order is kept, an earlier event goes first, on equal times ours goes first, and an event both
 * sides appended (equal in every field) is kept once, as often as the side with more copies has it.
 */
final class EventUnion {
  /** Which side an event of the union came from. */
  enum From {
    OURS,
    THEIRS,
    BOTH;

    boolean inOurs() {
      return this != THEIRS;
    }

    boolean inTheirs() {
      return this != OURS;
    }
  }

  /** One event of the union and where it came from. */
  record Item(Event event, From from) {}

  private EventUnion() {}

  static List<Item> of(List<Event> ours, List<Event> theirs) {
    Map<Event, Integer> unmatched = new HashMap<>();
    for (Event e : ours) {
      unmatched.merge(e, 1, Integer::sum);
    }
    // theirs' copies of events ours has too are dropped; ours' matching copies are marked BOTH
    Map<Event, Integer> shared = new HashMap<>();
    List<Event> theirsOnly = new ArrayList<>();
    for (Event e : theirs) {
      Integer left = unmatched.get(e);
      if (left != null && left > 0) {
        unmatched.put(e, left - 1);
        shared.merge(e, 1, Integer::sum);
      } else {
        theirsOnly.add(e);
      }
    }
    List<Item> oursItems = new ArrayList<>(ours.size());
    for (Event e : ours) {
      Integer both = shared.get(e);
      if (both != null && both > 0) {
        shared.put(e, both - 1);
        oursItems.add(new Item(e, From.BOTH));
      } else {
        oursItems.add(new Item(e, From.OURS));
      }
    }
    List<Item> union = new ArrayList<>(oursItems.size() + theirsOnly.size());
    int o = 0;
    int t = 0;
    while (o < oursItems.size() || t < theirsOnly.size()) {
      boolean takeOurs = t == theirsOnly.size()
          || (o < oursItems.size() && !oursItems.get(o).event().at().toInstant().isAfter(theirsOnly.get(t).at().toInstant()));
      union.add(takeOurs ? oursItems.get(o++) : new Item(theirsOnly.get(t++), From.THEIRS));
    }
    return union;
  }
}
