package dev.salesflow.cli.output;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.Priority;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * {@code list --format json} encoded by hand straight to UTF-8 bytes ({@link JsonBytes}), row by
 * row as the store hands them over: exactly what Jackson's pretty printer gives for the {@link
 * CaseOutput#summary} maps (a test compares them on awkward values), without a map or a generator
 * per row. A million cases are 190 MB of JSON.
 */
public final class ListJson extends JsonBytes {
  private static final byte[] ID = bytes(NL + "  \"id\" : ");
  private static final byte[] STAGE = name("stage");
  private static final byte[] STAGE_SINCE = name("stage_since");
  private static final byte[] PRIORITY = name("priority");
  private static final byte[] OWNER = name("owner");
  private static final byte[] COMPANY = name("company");
  private static final byte[][] PRIORITIES = new byte[Priority.values().length][];

  static {
    for (Priority p : Priority.values()) {
      PRIORITIES[p.ordinal()] = bytes("\"" + p.name() + "\"");
    }
  }

  private boolean first = true;

  private ListJson(OutputStream sink, ZoneId zone) {
    super(sink, zone);
  }

  /**
   * The cases {@code producer} hands over as a pretty-printed JSON array, then a line break: to
   * {@code stdout} when not null (after flushing {@code out}), else to {@code out}.
   */
  public static void write(PrintWriter out, OutputStream stdout, ZoneId zone, Consumer<Consumer<CaseStanding>> producer) {
    ListJson w = new ListJson(sinkFor(out, stdout), zone);
    producer.accept(w::row);
    w.raw(w.first ? EMPTY : CLOSE);
    w.flush();
  }

  private void row(CaseStanding standing) {
    Case c = standing.value();
    raw(first ? OPEN : NEXT);
    first = false;
    raw(ID);
    string(c.id(), false);
    raw(STAGE);
    string(standing.stage(), false);
    raw(STAGE_SINCE);
    time(standing.since() == null ? null : standing.since().toInstant());
    raw(PRIORITY);
    raw(c.priority() == null ? NULL : PRIORITIES[c.priority().ordinal()]);
    raw(OWNER);
    string(c.owner(), false);
    raw(COMPANY);
    string(c.customer().company(), false);
  }
}
