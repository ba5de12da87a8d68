package dev.salesflow.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Case ids: the rule {@link CaseIds#rule()} states, checked by hand instead of by a pattern. */
class CaseIdsTest {
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  @Test
  void acceptsAndRefusesTheDocumentedExamples() {
    assertThat(CaseIds.isValid("ACME-2026-001")).isTrue();
    assertThat(CaseIds.isValid("a_b")).isTrue();
    assertThat(CaseIds.isValid("x".repeat(128))).isTrue();
    assertThat(CaseIds.isValid("x".repeat(129))).isFalse();
    assertThat(CaseIds.isValid("")).isFalse();
    assertThat(CaseIds.isValid(null)).isFalse();
    assertThat(CaseIds.isValid("-a")).isFalse();
    assertThat(CaseIds.isValid("_a")).isFalse();
    assertThat(CaseIds.isValid("../x")).isFalse();
    assertThat(CaseIds.isValid("a b")).isFalse();
    assertThat(CaseIds.isValid("é")).isFalse();
    assertThat(CaseIds.isValid("con")).isFalse();
    assertThat(CaseIds.isValid("LPT1")).isFalse();
  }

  @Property(tries = 3000)
  void agreesWithTheRulesPattern(@ForAll("ids") String id) {
    boolean expected = RULE.matcher(id).matches() && !Pattern.matches("CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9]", id.toUpperCase(Locale.ROOT));
    assertThat(CaseIds.isValid(id)).as(id).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09_-./ é\0").ofMaxLength(6),
        Arbitraries.strings().withChars("ab1-").ofMinLength(120).ofMaxLength(135),
        Arbitraries.strings().all().ofMaxLength(4),
        Arbitraries.of("CON", "com1", "LPT9", "LPT0", "CONX", "NUL"));
  }
}
