package dev.salesflow.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes of COPY's text format (what the server makes of them: PostgresCliTest's round trip). */
class CopyTextTest {
  private static String bytes(CopyText t) {
    return new String(Arrays.copyOf(t.array(), t.length()), StandardCharsets.UTF_8);
  }

  @Test
  void escapesTheFourCharactersAndWritesNullAndNumbers() {
    CopyText t = new CopyText(0);
    t.text("a", "x\ty\nz\r\\").text("b", null).text("c", "\\N").number(0).number(-42).number(Long.MIN_VALUE)
        .number(Long.MAX_VALUE).end();
    t.text("a", "").end();
    assertThat(bytes(t)).isEqualTo("x\\ty\\nz\\r\\\\\t\\N\t\\\\N\t0\t-42\t-9223372036854775808\t9223372036854775807\n\n");
  }

  @Test
  void encodesUtf8AsJavaDoesAndGrowsPastItsCapacity() {
    String text = "王磊 🙂 𝄞 ünïcödé \" ' " + "长".repeat(5000);
    CopyText t = new CopyText(1);
    t.text("a", text).end();
    assertThat(Arrays.copyOf(t.array(), t.length())).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesNulAndHalfASurrogatePairNamingRowAndField() {
    assertThatThrownBy(() -> new CopyText(8).rowsOf("ACME-2026-001", "event", 3).text("note", "a\0b"))
        .hasMessage("case ACME-2026-001 event 3: note holds a NUL character (U+0000), which PostgreSQL text cannot hold");
    assertThatThrownBy(() -> new CopyText(8).rowsOf("ACME-2026-001", "", null).text("company", "ab\uD83D"))
        .hasMessageStartingWith("case ACME-2026-001: company holds half a UTF-16 surrogate pair (U+D83D) at character 3");
    assertThatThrownBy(() -> new CopyText(8).rowsOf("X", "", null).text("company", "\uDE42a"))
        .hasMessageContaining("(U+DE42) at character 1");
  }
}
