package dev.salesflow.core.leads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.SpreadsheetCells;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

  @Test
  void formulaLikeCellsGetAQuoteAndOthersStayAsTheyAre() {
    assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(SpreadsheetCells.neutralise("+86 512 5555 0101")).isEqualTo("'+86 512 5555 0101");
    assertThat(SpreadsheetCells.neutralise("-5")).isEqualTo("'-5");
    assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SpreadsheetCells.neutralise("\tcmd")).isEqualTo("'\tcmd");
    assertThat(SpreadsheetCells.neutralise("\rcmd")).isEqualTo("'\rcmd");
    assertThat(SpreadsheetCells.neutralise("苏州精工")).isEqualTo("苏州精工");
    assertThat(SpreadsheetCells.neutralise("'quoted")).isEqualTo("'quoted");
    assertThat(SpreadsheetCells.neutralise("")).isEmpty();
    assertThat(SpreadsheetCells.neutralise(null)).isNull();
  }

  @Test
  void aCellAlreadyQuotedBeforeAFormulaGetsOneMoreQuote() {
    assertThat(SpreadsheetCells.neutralise("'=1+1")).isEqualTo("''=1+1");
    assertThat(SpreadsheetCells.restore("''=1+1")).isEqualTo("'=1+1");
    assertThat(SpreadsheetCells.restore("'quoted")).isEqualTo("'quoted");
    assertThat(SpreadsheetCells.restore("'")).isEqualTo("'");
  }

  @Property
  void restoreUndoesNeutraliseExactly(@ForAll("cells") String text) {
    assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(text))).isEqualTo(text);
  }

  @Property
  void aNeutralisedCellNeverStartsAFormula(@ForAll("cells") String text) {
    String cell = SpreadsheetCells.neutralise(text);
    assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).isTrue();
  }

  /** The check by hand is the regex it replaced, for neutralise and restore. */
  @Property
  void theCheckIsTheRegexItReplaced(@ForAll("cells") String text) {
    java.util.regex.Pattern risky = java.util.regex.Pattern.compile("'*[=+\\-@\t\r]");
    assertThat(SpreadsheetCells.neutralise(text)).isEqualTo(risky.matcher(text).lookingAt() ? "'" + text : text);
    boolean restorable = text.startsWith("'") && risky.matcher(text).region(1, text.length()).lookingAt();
    assertThat(SpreadsheetCells.restore(text)).isEqualTo(restorable ? text.substring(1) : text);
  }

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.strings().withChars("=+-@\t\r' a1中").ofMaxLength(6);
  }
}
