package dev.salesflow.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every catalog entry has a Chinese text with the same placeholders, and the Chinese file names no other key. */
class MessageCatalogTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private final Properties zh = Message.chineseTexts();

  @Test
  void everyKeyHasAChineseText() {
    List<String> missing = Arrays.stream(MessageKey.values()).map(Enum::name)
        .filter(k -> zh.getProperty(k, "").isBlank()).toList();
    assertThat(missing).as("keys without a text in messages_zh.properties").isEmpty();
  }

  @Test
  void theChineseFileHasNoKeyTheCodeDoesNotKnow() {
    Set<String> known = Arrays.stream(MessageKey.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(new TreeSet<>(zh.stringPropertyNames())).as("keys no MessageKey names").isSubsetOf(known);
  }

  @Test
  void chineseTextsUseTheSamePlaceholdersAsTheEnglish() {
    for (MessageKey key : MessageKey.values()) {
      assertThat(placeholders(zh.getProperty(key.name(), ""))).as("%s", key).isEqualTo(placeholders(key.english()));
    }
  }

  @Test
  void chineseTextsAreChineseWhereThereAreWords() {
    for (MessageKey key : MessageKey.values()) {
      String words = PLACEHOLDER.matcher(key.english()).replaceAll("").replaceAll("[^A-Za-z]", "");
      if (words.length() > 2) {
        assertThat(zh.getProperty(key.name())).as("%s", key).containsPattern("\\p{IsHan}");
      }
    }
  }

  @Test
  void argumentsAreWrittenInTheMessagesLanguageAndEnglishIsUnchanged() {
    Message m = Message.of(MessageKey.CANNOT_MOVE, "solution", "closed", new Message.Joined(", ",
        List.of("negotiation", Message.of(MessageKey.ALLOWED_REWORK, "needs"), Message.of(MessageKey.ALLOWED_WITH_REASON, "lost"))));

    assertThat(m.english()).isEqualTo(
        "cannot move from solution to closed (allowed: negotiation, needs (rework, with a reason), lost (with a reason))");
    assertThat(m.toString()).isEqualTo(m.english());
    assertThat(m.in("zh")).isEqualTo("不能从 solution 转到 closed（允许：negotiation, needs（返工，需填写原因）, lost（需填写原因））");
    assertThat(Message.literal("it's {0} 'as is'").in("zh")).isEqualTo("it's {0} 'as is'");
  }

  @Test
  void exceptionsKeepTheirEnglishMessage() {
    CaseNotFoundException e = new CaseNotFoundException("ACME-1", "case folder cases");

    assertThat(e.getMessage()).isEqualTo("no case 'ACME-1' in case folder cases");
    assertThat(e.message("zh")).isEqualTo("case folder cases 中没有案例“ACME-1”");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
