package dev.salesflow.core.merge;

import static dev.salesflow.core.merge.MergeFixtures.event;
import static dev.salesflow.core.merge.MergeFixtures.logged;
import static dev.salesflow.core.merge.MergeFixtures.merge;
import static dev.salesflow.core.merge.MergeFixtures.registered;
import static dev.salesflow.core.merge.MergeFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaseMergeTest {
  private static final String BASE = "# our biggest lead this year\n" + CaseFileWriter.render(registered())
      .replace("priority: A\n", "priority: A   # raised after the exhibition\n");

  private static String merged(CaseMerge.Result r) {
    assertThat(r).as("clean merge").isInstanceOf(CaseMerge.Merged.class);
    return text(((CaseMerge.Merged) r).bytes());
  }

  private static CaseMerge.Conflicted conflicted(CaseMerge.Result r) {
    assertThat(r).as("conflict").isInstanceOf(CaseMerge.Conflicted.class);
    return (CaseMerge.Conflicted) r;
  }

  @Test
  void eventsAppendedOnBothSidesAreMergedInTimeOrderAsLogWouldHaveWrittenThem() {
    Event a = event(2, "meeting");
    Event b = event(1, "contacted");
    Event c = event(3, "note");
    String base = logged(BASE, event(0.5, "note"));

    String result = merged(merge(base, logged(base, a, c), logged(base, b)));

    assertThat(result).isEqualTo(logged(base, b, a, c));
    assertThat(result).startsWith("# our biggest lead this year\n").contains("priority: A   # raised after the exhibition\n");
  }

  @Test
  void anEditOnOneBranchAndAReassignOnTheOtherAreOrdinaryAppendsAndMergeCleanly() {
    Event edit = event(1, Event.REGISTRATION_EDITED, "customer.contact.email", "wang.lei@example.com", "reason", "card");
    Event reassign = event(2, Event.REASSIGNED, "to", "li.na", "from", "zhang.wei");

    String result = merged(merge(BASE, logged(BASE, edit), logged(BASE, reassign)));

    assertThat(result).isEqualTo(logged(BASE, edit, reassign));
    assertThat(result).contains("owner: zhang.wei").as("the header stays as first written");
  }

  @Test
  void onEqualTimesOursGoesFirstAndAnEventOnBothSidesIsKeptOnce() {
    Event shared = event(1, "contacted");
    Event ours = event(2, "meeting");
    Event theirs = new Event(ours.at(), "note", "li.na", null, null);

    String result = merged(merge(BASE, logged(BASE, shared, ours), logged(BASE, shared, theirs)));

    assertThat(result).isEqualTo(logged(BASE, shared, ours, theirs));
  }

  @Test
  void differentRegistrationFieldsChangedOnEachSideAreBothKept() {
    String ours = logged(BASE.replace("priority: A ", "priority: B "), event(1, "contacted"));
    String theirs = logged(BASE.replace("owner: zhang.wei", "owner: li.na").replace("phone: +86 512 5555 0101", "phone: \"+86 512 5555 0199\""),
        event(2, "meeting"));

    String result = merged(merge(BASE, ours, theirs));

    assertThat(result).isEqualTo(logged(BASE.replace("priority: A ", "priority: B ").replace("owner: zhang.wei", "owner: li.na")
        .replace("phone: +86 512 5555 0101", "phone: +86 512 5555 0199"), event(1, "contacted"), event(2, "meeting")));
  }

  @Test
  void aFieldChangedDifferentlyOnBothSidesIsAConflictOnThatLineOnly() {
    String ours = logged(BASE.replace("priority: A ", "priority: B "), event(1, "contacted"));
    String theirs = logged(BASE.replace("priority: A ", "priority: C ").replace("owner: zhang.wei", "owner: li.na"), event(2, "meeting"));

    CaseMerge.Conflicted c = conflicted(merge(BASE, ours, theirs));

    String expected = logged(BASE.replace("owner: zhang.wei", "owner: li.na"), event(1, "contacted"), event(2, "meeting"))
        .replace("priority: A   # raised after the exhibition\n",
            "<<<<<<< ours\npriority: B   # raised after the exhibition\n=======\npriority: C   # raised after the exhibition\n>>>>>>> theirs\n");
    assertThat(text(c.bytes())).isEqualTo(expected);
    assertThat(c.conflicts()).containsExactly(
        "case ACME-2026-001: registration field 'priority' changed on both sides: ours 'B', theirs 'C' (base 'A')");
  }

  @Test
  void bothAdvancingToDifferentStagesIsAConflictNamingBothAdvances() {
    String base = logged(BASE, event(1, "advance", "to", "needs"), event(2, "requirements_recorded"),
        event(3, "requirements_confirmed"), event(4, "analysis_reported"));
    Event toSolution = event(6, "advance", "to", "solution");
    Event lost = event(5, "advance", "to", "lost", "reason", "budget cut");

    CaseMerge.Conflicted c = conflicted(merge(base, logged(base, toSolution), logged(base, lost)));

    assertThat(c.conflicts()).singleElement().asString()
        .contains("case ACME-2026-001", "event 6 (ours: advance to solution at 2026-11-02T15:30:00+08:00)",
            "the case is lost: no further events are accepted", "[illegal event]",
            "ours appended 1 event (advance to solution at 2026-11-02T15:30:00+08:00)",
            "theirs appended 1 event (advance to lost at 2026-11-02T14:30:00+08:00)");
    assertThat(text(c.bytes())).isEqualTo(logged(base, lost) + "<<<<<<< ours\n" + CaseFileWriter.eventLine(toSolution, "  ")
        + "=======\n" + ">>>>>>> theirs\n");
  }

  @Test
  void crlfFilesStayCrlf() {
    String base = BASE.replace("\n", "\r\n");
    String result = merged(merge(base, logged(base, event(1, "contacted")), logged(base, event(2, "meeting"))));
    assertThat(result).isEqualTo(logged(base, event(1, "contacted"), event(2, "meeting")));
    assertThat(result.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aByteOrderMarkIsKept() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    CaseMerge.Result r = new CaseMerge(MergeFixtures.MACHINE, MergeFixtures.ZONE).merge(MergeFixtures.NAME,
        withBom(bom, BASE), withBom(bom, logged(BASE, event(1, "contacted"))), withBom(bom, logged(BASE, event(2, "meeting"))));
    assertThat(r).isInstanceOf(CaseMerge.Merged.class);
    assertThat(((CaseMerge.Merged) r).bytes()).isEqualTo(withBom(bom, logged(BASE, event(1, "contacted"), event(2, "meeting"))));
  }

  @Test
  void aFileAddedOnBothSidesMergesTheEventsAfterTheCommonOnes() {
    String ours = logged(BASE, event(1, "contacted"), event(3, "note"));
    String theirs = logged(BASE, event(1, "contacted"), event(2, "meeting"));
    assertThat(merged(merge("", ours, theirs))).isEqualTo(logged(BASE, event(1, "contacted"), event(2, "meeting"), event(3, "note")));
  }

  @Test
  void aFileAddedOnBothSidesWithDifferentRegistrationsConflictsOnTheFieldsThatDiffer() {
    CaseMerge.Conflicted c = conflicted(merge("", BASE, BASE.replace("industry: manufacturing", "industry: machinery")));
    assertThat(c.conflicts()).singleElement().asString()
        .contains("'customer.industry' changed on both sides: ours 'manufacturing', theirs 'machinery' (the file was added on both sides)");
    assertThat(text(c.bytes())).contains("<<<<<<< ours\n  industry: manufacturing\n=======\n  industry: machinery\n>>>>>>> theirs\n");
  }

  @Test
  void eventsBeforeOtherKeysAreInsertedWhereLogInsertsThem() {
    String base = CaseFileWriter.render(registered()).replace("events:\n", "events:\n  - {at: 2026-11-02T10:00:00+08:00, type: note}\n")
        .replace("id: ACME-2026-001\n", "") + "# the id goes last here\nid: ACME-2026-001\n";
    String result = merged(merge(base, logged(base, event(2, "meeting")), logged(base, event(1, "contacted"))));
    assertThat(result).isEqualTo(logged(base, event(1, "contacted"), event(2, "meeting")));
  }

  @Test
  void filesThatAreNoCaseFilesAreLeftToTheTextMerge() {
    assertThat(merge("a: 1\n", "a: 2\n", "a: 3\n")).isInstanceOf(CaseMerge.AsText.class);
    CaseMerge.Result binary = new CaseMerge(MergeFixtures.MACHINE, MergeFixtures.ZONE)
        .merge(MergeFixtures.NAME, new byte[] {0, 1}, new byte[] {0, 2}, new byte[] {0, 3});
    assertThat(binary).isInstanceOf(CaseMerge.AsText.class);
    assertThat(((CaseMerge.AsText) binary).reason()).contains("ours is not a case file", "NUL");
  }

  @Test
  void aSideThatRewroteOldEventsIsLeftToTheTextMerge() {
    String base = logged(BASE, event(1, "contacted"));
    String ours = logged(base.replace("type: contacted", "type: meeting"), event(2, "note"));
    CaseMerge.Result r = merge(base, ours, logged(base, event(3, "note")));
    assertThat(r).isInstanceOf(CaseMerge.AsText.class);
    assertThat(((CaseMerge.AsText) r).reason()).contains("ours changed or removed events the base already had");
  }

  private static byte[] withBom(byte[] bom, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }
}
