package dev.salesflow.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A message for a person as a catalog key and its arguments, written out in English or Chinese only
 * when it is shown: core builds messages, the program that prints them picks the language. Arguments
 * that are messages, or lists of them ({@link Joined}), are written in the same language.
 *
 * @param key the catalog entry
 * @param args the values of its placeholders {@code {0}}, {@code {1}} …
 */
public record Message(MessageKey key, List<Object> args) {
  /** The language codes a message can be written in. */
  public static final List<String> LANGUAGES = List.of("en", "zh");

  /**
   * Checks the key and copies the arguments (null ones are written as {@code null}).
   *
   * @param key the entry; not null
   * @param args its arguments
   */
  public Message {
    Objects.requireNonNull(key, "key");
    args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
  }

  /**
   * The message of {@code key} with {@code args}.
   *
   * @param key the entry
   * @param args its arguments, in placeholder order
   * @return the message
   */
  public static Message of(MessageKey key, Object... args) {
    return new Message(key, java.util.Arrays.asList(args));
  }

  /**
   * Text not (yet) in the catalog: the same in every language.
   *
   * @param text the text
   * @return a message that is {@code text} in every language
   */
  public static Message literal(String text) {
    return of(MessageKey.LITERAL, text);
  }

  /**
   * Items written one after the other with a separator between them, each in the message's language.
   *
   * @param separator e.g. {@code "; "}, or a message such as {@link MessageKey#OR}
   * @param items messages or plain values
   */
  public record Joined(Object separator, List<?> items) {
    /**
     * Copies the items.
     *
     * @param separator the separator; not null
     * @param items the items; not null
     */
    public Joined {
      Objects.requireNonNull(separator, "separator");
      items = List.copyOf(items);
    }
  }

  /**
   * The message in English, as logs and library users see it.
   *
   * @return the English text
   */
  public String english() {
    return in("en");
  }

  /**
   * The message in a language.
   *
   * @param lang {@code en} or {@code zh}; any other is English
   * @return the text, its placeholders replaced by its arguments written in the same language
   */
  public String in(String lang) {
    String pattern = "zh".equals(lang) ? Chinese.TEXTS.getProperty(key.name(), key.english()) : key.english();
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      int close = ch == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && digits(pattern, i + 1, close)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        out.append(n < args.size() ? write(args.get(n), lang) : pattern.substring(i, close + 1));
        i = close;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String write(Object arg, String lang) {
    if (arg instanceof Message m) {
      return m.in(lang);
    }
    if (arg instanceof Joined j) {
      String separator = write(j.separator(), lang);
      StringBuilder s = new StringBuilder();
      boolean first = true;
      for (Object item : j.items()) {
        s.append(first ? "" : separator).append(write(item, lang));
        first = false;
      }
      return s.toString();
    }
    return String.valueOf(arg);
  }

  /** The English text. */
  @Override
  public String toString() {
    return english();
  }

  /**
   * The Chinese texts of the catalog, by key name.
   *
   * @return a copy of {@code messages_zh.properties}
   */
  public static Properties chineseTexts() {
    Properties copy = new Properties();
    copy.putAll(Chinese.TEXTS);
    return copy;
  }

  /** Loaded once, on first use. */
  private static final class Chinese {
    static final Properties TEXTS = load();

    private static Properties load() {
      Properties p = new Properties();
      try (InputStream in = Message.class.getResourceAsStream("messages_zh.properties")) {
        if (in != null) {
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p;
    }
  }
}
