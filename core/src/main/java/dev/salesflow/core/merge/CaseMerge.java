package dev.salesflow.core.merge;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.yaml.CaseFile;
import dev.salesflow.core.store.yaml.CaseFileReader;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The three-way merge of one case file. The events both sides share with the base stay as they
 * are; those appended after them on either side become one log in time order ({@link EventUnion});
 * the registration merges field by field against the base; the merged case is replayed through
 * the state machine. The text is the base's (or, where a side edited the registration, that side's)
 * with the events appended by the store's own writer, so a clean merge is byte for byte what
 * {@code salesflow log} would have written, had the events been recorded in that order on the base.
 */
public final class CaseMerge {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CaseFileReader reader;
  private final StateMachine machine;

  /** A merge under {@code machine}'s process, reading local times in {@code zone}. */
  public CaseMerge(StateMachine machine, ZoneId zone) {
    this.machine = machine;
    this.reader = new CaseFileReader(machine.process(), zone);
  }

  /** What the merge of a file gave. */
  public sealed interface Result permits Merged, Conflicted, AsText {}

  /** Merged cleanly into {@code bytes}. */
  public record Merged(byte[] bytes) implements Result {}

  /** Merged into {@code bytes}, with git's markers around each of {@code conflicts}. */
  public record Conflicted(byte[] bytes, List<String> conflicts) implements Result {
    public Conflicted {
      conflicts = List.copyOf(conflicts);
    }
  }

  /** Not mergeable as a case, for {@code reason}: the file should be merged as text. */
  public record AsText(String reason) implements Result {}

  /** One side of the merge read as a case file. */
  private record Side(String label, boolean bom, String text, CaseFile file) {
    Case value() {
      return file.value();
    }

    List<Event> events() {
      return file.value().events();
    }
  }

  /** A side that is no case file, with why. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Merges {@code ours} and {@code theirs}, both changed from {@code base}; an empty {@code base}
   * means the file was added on both sides.
   *
   * @param name the file's path in the repository, e.g. {@code cases/ACME-2026-001.yaml} (its name
   *     must match the case id), or null to take the id as the name
   */
  public Result merge(String name, byte[] base, byte[] ours, byte[] theirs) {
    if (Arrays.equals(ours, theirs) || Arrays.equals(base, theirs)) {
      return new Merged(ours);
    }
    if (Arrays.equals(base, ours)) {
      return new Merged(theirs);
    }
    Side o;
    Side t;
    Side b;
    try {
      Path file = name != null ? Path.of(name) : Path.of(idOf(ours) + ".yaml");
      o = read("ours", file, ours);
      t = read("theirs", file, theirs);
      b = base.length == 0 ? null : read("base", file, base);
    } catch (Unreadable e) {
      return new AsText(e.getMessage());
    }
    try {
      return merge(o, t, b);
    } catch (Unreadable e) {
      return new AsText(e.getMessage());
    }
  }

  private Result merge(Side o, Side t, Side b) throws Unreadable {
    String id = o.value().id();
    // The events both sides begin with stay as they are; the rest of each side is merged. After
    // criss-cross merges the base's events need not be a prefix of a side (an earlier merge put
    // events between them), but every one of them must still be there: none removed or rewritten.
    List<Event> common = commonPrefix(o.events(), t.events());
    if (b != null) {
      for (Side side : List.of(o, t)) {
        if (!containsAll(side.events(), b.events())) {
          throw new Unreadable(side.label() + " changed or removed events the base already had; only added events"
              + " are merged as a case");
        }
      }
    }
    int n = common.size();
    String oHeadText = CaseText.withoutEventsFrom(o.text(), o.file(), n);
    String tHeadText = CaseText.withoutEventsFrom(t.text(), t.file(), n);
    CaseFile oHead = head(o, n, oHeadText);
    // the registration's text alone, to tell which side edited it
    String oReg = CaseText.withoutEventsFrom(o.text(), o.file(), 0);
    String tReg = CaseText.withoutEventsFrom(t.text(), t.file(), 0);
    String bReg = b == null ? null : CaseText.withoutEventsFrom(b.text(), b.file(), 0);

    Map<HeaderField, String> merged = new EnumMap<>(HeaderField.class);
    Map<HeaderField, String> theirsChanged = new EnumMap<>(HeaderField.class);
    Map<HeaderField, String> bothChanged = new EnumMap<>(HeaderField.class);
    for (HeaderField f : HeaderField.values()) {
      String vo = f.of(o.value());
      String vt = f.of(t.value());
      if (Objects.equals(vo, vt)) {
        merged.put(f, vo);
      } else if (b != null && Objects.equals(vo, f.of(b.value()))) {
        merged.put(f, vt);
        theirsChanged.put(f, vt);
      } else if (b != null && Objects.equals(vt, f.of(b.value()))) {
        merged.put(f, vo);
      } else {
        merged.put(f, vo); // ours' value stands between the markers' first half
        bothChanged.put(f, vt);
      }
    }

    String headText;
    boolean bom;
    if (oReg.equals(tReg) || tReg.equals(bReg)) {
      headText = oHeadText;
      bom = o.bom();
    } else if (oReg.equals(bReg)) {
      headText = tHeadText;
      head(t, n, tHeadText);
      bom = t.bom();
    } else {
      // both sides edited the registration: ours' text with theirs' new values put in, provided
      // putting theirs' values into the base gives theirs' text (their edit was those values alone)
      Map<HeaderField, String> theirsAll = new EnumMap<>(theirsChanged);
      theirsAll.putAll(bothChanged);
      String redone = b == null
          ? CaseText.withValues(oReg, readBack(o, oReg).tree(), theirsAll)
          : CaseText.withValues(bReg, readBack(b, bReg).tree(), theirsAll);
      headText = theirsChanged.isEmpty() ? oHeadText : CaseText.withValues(oHeadText, oHead.tree(), theirsChanged);
      if (!tReg.equals(redone) || headText == null) {
        throw new Unreadable("both sides edited the registration and theirs changed more than single-line field values"
            + " (comments, layout, or fields added or removed)");
      }
      bom = o.bom();
    }
    CaseFile head = headText.equals(oHeadText) ? oHead : readBack(o, headText);
    if (!head.value().events().equals(common) || !sameHeader(head.value(), merged)) {
      throw new Unreadable("the registration edits of both sides could not be combined in the text");
    }

    List<EventUnion.Item> union = EventUnion.of(o.events().subList(n, o.events().size()), t.events().subList(n, t.events().size()));
    List<Event> all = new ArrayList<>(common);
    union.forEach(item -> all.add(item.event()));
    Case candidate = new Case(id, head.value().customer(), head.value().source(), head.value().priority(), head.value().owner(),
        head.value().registeredAt(), head.value().need(), all);
    Replay.Violation violation = machine.replay(candidate).illegal().orElse(null);
    if (violation != null && violation.eventIndex() < n) {
      // replay goes by time: an appended event dated before a common one (recorded late) can make
      // that one illegal; a violation the common events already had is no conflict of this merge
      Case commonOnly = new Case(id, candidate.customer(), candidate.source(), candidate.priority(), candidate.owner(),
          candidate.registeredAt(), candidate.need(), common);
      Replay.Violation already = machine.replay(commonOnly).illegal().orElse(null);
      if (already != null && already.eventIndex() == violation.eventIndex()) {
        violation = null;
      }
    }

    List<String> conflicts = new ArrayList<>();
    String text;
    try {
      if (violation == null) {
        text = CaseFileWriter.appendEvents(headText, head.tree(), union.stream().map(EventUnion.Item::event).toList());
      } else {
        int split = Math.max(violation.eventIndex() - n, 0);
        List<EventUnion.Item> agreed = union.subList(0, split);
        List<EventUnion.Item> rest = union.subList(split, union.size());
        text = CaseFileWriter.appendItems(headText, head.tree(), indent -> lines(agreed, indent)
            + "<<<<<<< ours\n" + lines(rest.stream().filter(i -> i.from().inOurs()).toList(), indent)
            + "=======\n" + lines(rest.stream().filter(i -> i.from().inTheirs()).toList(), indent)
            + ">>>>>>> theirs\n");
        conflicts.add(eventConflict(id, all.get(violation.eventIndex()),
            violation.eventIndex() < n ? "base" : side(union.get(violation.eventIndex() - n).from()), violation, union));
      }
    } catch (IllegalArgumentException e) {
      throw new Unreadable(e.getMessage());
    }
    if (!bothChanged.isEmpty()) {
      text = markFields(text, headText, head, bothChanged);
      for (Map.Entry<HeaderField, String> f : bothChanged.entrySet()) {
        conflicts.add("case " + id + ": registration field '" + f.getKey().label() + "' changed on both sides: ours "
            + shown(merged.get(f.getKey())) + ", theirs " + shown(f.getValue())
            + (b == null ? " (the file was added on both sides)" : " (base " + shown(f.getKey().of(b.value())) + ")"));
      }
    }
    if (conflicts.isEmpty()) {
      CaseFile result = readBack(o, text);
      if (!result.value().events().equals(all) || !sameHeader(result.value(), merged)) {
        throw new Unreadable("the merged case would not read back as merged");
      }
      return new Merged(bytes(bom, text));
    }
    return new Conflicted(bytes(bom, text), conflicts);
  }

  private Side read(String label, Path file, byte[] bytes) throws Unreadable {
    boolean bom = bytes.length >= 3 && Arrays.equals(bytes, 0, 3, BOM, 0, 3);
    try {
      String text = YamlTreeReader.decodeUtf8(bytes);
      return new Side(label, bom, text, reader.read(file, bytes));
    } catch (YamlSyntaxException e) {
      throw new Unreadable(label + " is not a case file: " + e.position().line() + ":" + e.position().column() + ": " + e.getMessage());
    } catch (DiagnosticsException e) {
      Diagnostic d = e.diagnostics().get(0);
      throw new Unreadable(label + " is not a readable case file: " + d.position().line() + ":" + d.position().column() + ": "
          + d.message() + (e.diagnostics().size() > 1 ? " (and " + (e.diagnostics().size() - 1) + " more)" : ""));
    }
  }

  /** The id written in a file, for a merge told no path; "case" when there is none to read. */
  private static String idOf(byte[] bytes) {
    try {
      YamlNode.Entry e = YamlTreeReader.readMapping(YamlTreeReader.decodeUtf8(bytes)).entries().get("id");
      if (e != null && e.value() instanceof YamlNode.Scalar s && s.text() != null && dev.salesflow.core.model.CaseIds.isValid(s.text())) {
        return s.text();
      }
    } catch (YamlSyntaxException e) {
      // read again, and reported, as ours
    }
    return "case";
  }

  /**
   * {@code text}, the side's file without its events after the first {@code n}, read back and
   * confirmed to be the side's registration with those events alone.
   */
  private CaseFile head(Side side, int n, String text) throws Unreadable {
    CaseFile head = readBack(side, text);
    for (HeaderField f : HeaderField.values()) {
      if (!Objects.equals(f.of(head.value()), f.of(side.value()))) {
        throw new Unreadable(side.label() + "'s appended events could not be told apart from the rest of the file");
      }
    }
    if (!head.value().events().equals(side.events().subList(0, n))) {
      throw new Unreadable(side.label() + "'s appended events could not be told apart from the rest of the file");
    }
    return head;
  }

  private CaseFile readBack(Side like, String text) throws Unreadable {
    try {
      return reader.read(like.file().file(), text.getBytes(StandardCharsets.UTF_8));
    } catch (DiagnosticsException e) {
      throw new Unreadable("the merged text of " + like.file().file() + " would not read back: " + e.getMessage());
    }
  }

  private static boolean sameHeader(Case c, Map<HeaderField, String> values) {
    for (Map.Entry<HeaderField, String> v : values.entrySet()) {
      if (!Objects.equals(v.getKey().of(c), v.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code all} holds every event of {@code some}, as often as {@code some} does. */
  private static boolean containsAll(List<Event> all, List<Event> some) {
    Map<Event, Integer> left = new java.util.HashMap<>();
    all.forEach(e -> left.merge(e, 1, Integer::sum));
    for (Event e : some) {
      if (left.merge(e, -1, Integer::sum) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Event> commonPrefix(List<Event> a, List<Event> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return a.subList(0, n);
  }

  /**
   * {@code text} with each line of {@code head} that holds a field of {@code theirs} between
   * markers: ours' line, then the same line with theirs' values.
   */
  private static String markFields(String text, String headText, CaseFile head, Map<HeaderField, String> theirs)
      throws Unreadable {
    String theirsText = CaseText.withValues(headText, head.tree(), theirs);
    if (theirsText == null) {
      throw new Unreadable("both sides changed " + theirs.keySet().stream().map(HeaderField::label).collect(Collectors.joining(", "))
          + ", and one of them added or removed the field");
    }
    YamlNode.Entry events = head.tree().entries().get("events");
    int eventsLine = events == null ? Integer.MAX_VALUE : events.keyPosition().line();
    int shift = CaseText.lineCount(text) - CaseText.lineCount(headText);
    TreeMap<Integer, Integer> lines = new TreeMap<>();
    for (HeaderField f : theirs.keySet()) {
      int line = head.tree().valuePositionOf(f.path.toArray()).line();
      lines.put(line, line < eventsLine ? line : line + shift);
    }
    String nl = text.contains("\r\n") ? "\r\n" : "\n";
    String out = text;
    for (Map.Entry<Integer, Integer> line : lines.descendingMap().entrySet()) {
      int start = CaseText.offsetOfLine(out, line.getValue());
      String block = "<<<<<<< ours" + nl + withBreak(CaseText.rawLineAt(headText, line.getKey()), nl) + "=======" + nl
          + withBreak(CaseText.rawLineAt(theirsText, line.getKey()), nl) + ">>>>>>> theirs" + nl;
      out = out.substring(0, start) + block + out.substring(CaseText.offsetOfLine(out, line.getValue() + 1));
    }
    return out;
  }

  private static String withBreak(String line, String nl) {
    return line.endsWith("\n") ? line : line + nl;
  }

  private static String lines(List<EventUnion.Item> items, String indent) {
    StringBuilder s = new StringBuilder();
    for (EventUnion.Item item : items) {
      s.append(CaseFileWriter.eventLine(item.event(), indent));
    }
    return s.toString();
  }

  private static String eventConflict(String id, Event refused, String side, Replay.Violation v, List<EventUnion.Item> union) {
    return "case " + id + ": the events appended on both sides do not make a legal history: event " + (v.eventIndex() + 1)
        + " (" + side + ": " + describe(refused) + ") is refused: " + v.message() + " [" + rule(v.kind()) + "]; ours appended "
        + summary(union, EventUnion.From.OURS) + "; theirs appended " + summary(union, EventUnion.From.THEIRS);
  }

  private static String summary(List<EventUnion.Item> union, EventUnion.From side) {
    List<EventUnion.Item> own = union.stream()
        .filter(i -> side == EventUnion.From.OURS ? i.from().inOurs() : i.from().inTheirs()).toList();
    List<String> moves = own.stream().filter(i -> i.event().isAdvance()).map(i -> describe(i.event())).toList();
    return own.size() + (own.size() == 1 ? " event" : " events") + (moves.isEmpty() ? "" : " (" + String.join(", ", moves) + ")");
  }

  private static String describe(Event e) {
    return e.isAdvance()
        ? "advance to " + e.field("to").orElse("?") + " at " + Timestamps.format(e.at())
        : e.type() + " at " + Timestamps.format(e.at());
  }

  private static String side(EventUnion.From from) {
    return switch (from) {
      case OURS -> "ours";
      case THEIRS -> "theirs";
      case BOTH -> "both sides";
    };
  }

  private static String rule(Replay.Violation.Kind kind) {
    return switch (kind) {
      case ILLEGAL_EVENT -> "illegal event";
      case UNMET_GUARD -> "unmet guard";
      case TIME_ORDER -> "time order";
    };
  }

  private static String shown(String value) {
    return value == null ? "(none)" : "'" + value + "'";
  }

  private static byte[] bytes(boolean bom, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 3);
    if (bom) {
      out.writeBytes(BOM);
    }
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
