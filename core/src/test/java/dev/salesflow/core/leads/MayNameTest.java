package dev.salesflow.core.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The text pre-filter of the duplicate warning never drops a case file that names the person. */
class MayNameTest {
  @Provide
  Arbitrary<String> names() {
    // letters of several scripts, full-width forms (NFKC), Greek sigma (lower case by context), blanks
    return Arbitraries.strings().withChars("aAzZ ΣσςΟδ王李ＷａｎｇLei\u00A0\t").ofMinLength(1).ofMaxLength(12);
  }

  @Property
  void aFileHoldingBothNamesAsWrittenOrInAnotherCaseAndSpacingPasses(@ForAll("names") String company,
      @ForAll("names") String contact, @ForAll("names") String writtenCompany, @ForAll boolean upper) {
    // the names as another registration wrote them: the same person by the rule of person()
    String stored = upper ? company.toUpperCase(java.util.Locale.ROOT) : company.replace(" ", "  ");
    if (!LeadImport.person(stored, contact).equals(LeadImport.person(company, contact))) {
      return; // not the same person by the rule: nothing promised
    }
    String text = "id: X-1\ncustomer:\n  company: " + stored + "\n  industry: " + writtenCompany
        + "\n  contact:\n    name: " + contact + "\nevents: []\n";
    assertThat(LeadImport.mayName(company, contact).test(text)).isTrue();
  }

  @Test
  void aFileWithoutAWordOfEitherNameIsLeftUnread() {
    Predicate<String> may = LeadImport.mayName("Delta Tools", "Wang Lei");
    assertThat(may.test("customer:\n  company: Delta Tools\n  contact:\n    name: Li Na\n")).isFalse();
    assertThat(may.test("customer:\n  company: DELTA\n    tools\n  contact:\n    name: wang   lei\n")).isTrue();
    assertThat(may.test("customer:\n  company: Ｄｅｌｔａ Ｔｏｏｌｓ\n  contact:\n    name: Wang Lei\n"))
        .as("full-width forms fold as the rule folds them").isTrue();
  }

  @Test
  void escapesMaySpellANameOtherwiseSoTheirTextAlwaysPasses() {
    Predicate<String> may = LeadImport.mayName("Delta Tools", "Wang Lei");
    assertThat(may.test("company: \"Delta Tools\"\nname: \"Wang \\u004Cei\"\n")).isTrue();
    assertThat(may.test("company: 'Delta Tools'\nname: 'Wang Lei''s'\n")).isTrue();
  }

  @Test
  void noWordsMeansEveryFileIsRead() {
    assertThat(LeadImport.mayName(" ", null).test("anything")).isTrue();
  }
}
