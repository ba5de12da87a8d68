package dev.salesflow.cli.completion;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.SalesProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of a workspace that completion offers: case ids, stages, event types, owners and
 * sources. Completion must never fail a command line, so anything unreadable gives no values.
 * Owners need every case read; they are kept until {@link #forget} (the shell calls it after each
 * command, since a command may have changed them).
 */
public final class WorkspaceValues {
  private final Path root;
  private final String storeSpec;
  private final Path base;
  private List<String> owners;

  /** The values of the workspace at {@code root} (null: none) and its own store. */
  public WorkspaceValues(Path root) {
    this(root, null, root);
  }

  /** The same with the cases of the store {@code storeSpec} (null: the workspace's), relative to {@code base}. */
  public WorkspaceValues(Path root, String storeSpec, Path base) {
    this.root = root;
    this.storeSpec = storeSpec;
    this.base = base;
  }

  /** The values of {@code kind}; for event types after a case id, those allowed in its stage. */
  public List<String> of(ValueKind kind, List<String> positionals) {
    if (root == null) {
      return List.of();
    }
    try (Salesflow flow = Salesflow.open(root, storeSpec, base, OpenMode.EXISTING)) {
      return switch (kind) {
        case CASE -> flow.ids();
        case STAGE -> flow.process().allStageIds();
        case PERIOD -> periods(flow);
        case EVENT -> events(flow, positionals);
        case SOURCE -> List.copyOf(flow.process().sources().keySet());
        case OWNER -> owners(flow);
        default -> List.of();
      };
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** registration, ended, then reached: with each stage: the values of {@code report --period-of}. */
  private static List<String> periods(Salesflow flow) {
    List<String> periods = new java.util.ArrayList<>(List.of("registration", "ended"));
    flow.process().allStageIds().forEach(stage -> periods.add("reached:" + stage));
    return periods;
  }

  /** Drops what is remembered, so the next completion reads the workspace again. */
  public void forget() {
    owners = null;
  }

  private static List<String> events(Salesflow flow, List<String> positionals) {
    SalesProcess process = flow.process();
    if (!positionals.isEmpty()) {
      try {
        String stage = flow.show(positionals.get(0)).stage();
        if (process.isOpenStage(stage)) {
          return process.eventsAllowedIn(stage);
        }
      } catch (RuntimeException unknownOrUnreadable) {
        // fall through to every event type
      }
    }
    Set<String> all = new LinkedHashSet<>(process.genericEvents());
    all.addAll(process.eventTypeIds());
    all.remove(Event.ADVANCE);
    return new ArrayList<>(all);
  }

  private List<String> owners(Salesflow flow) {
    if (owners == null) {
      Set<String> found = new TreeSet<>();
      for (String id : flow.ids()) {
        try {
          Case c = flow.load(id);
          if (c.owner() != null && !c.owner().isBlank()) {
            found.add(c.owner());
          }
        } catch (RuntimeException unreadable) {
          // 'check' reports it; completion just skips it
        }
      }
      owners = List.copyOf(found);
    }
    return owners;
  }
}
