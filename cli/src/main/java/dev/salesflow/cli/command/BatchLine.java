package dev.salesflow.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.InvalidRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One line of a {@code batch} file as the words of a command: either as typed after {@code
 * salesflow} in a POSIX shell (blanks separate words; {@code '…'} keeps everything, {@code "…"} all
 * but {@code \"} and {@code \\}; a backslash outside quotes keeps the next character), or a JSON
 * object {@code {"cmd": "log", "case": "ACME-2026-001", "type": "meeting", "by": "zhang.wei"}}.
 *
 * @param number the line's number in the file, from 1
 * @param text the line as written
 * @param words the command's words (without a leading {@code salesflow}); empty for a blank line
 *     or a comment ({@code #} first)
 */
record BatchLine(int number, String text, List<String> words) {
  private static final ObjectMapper JSON = new ObjectMapper();

  BatchLine {
    words = List.copyOf(words);
  }

  /** Reads line {@code number}; refuses an unclosed quote or JSON that names no command, saying why. */
  static BatchLine of(int number, String text) {
    String trimmed = text.strip();
    List<String> words = trimmed.isEmpty() || trimmed.startsWith("#") ? List.of()
        : trimmed.startsWith("{") ? fromJson(trimmed) : split(trimmed);
    if (!words.isEmpty() && words.get(0).equals("salesflow")) {
      words = words.subList(1, words.size());
    }
    return new BatchLine(number, text, words);
  }

  /** The words of a command line, quoted as a POSIX shell quotes them. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new InvalidRequestException("unclosed ' quote (from column " + (i + 1) + ")");
        }
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char d = line.charAt(j);
          if (d == '\\' && j + 1 < line.length() && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
            d = line.charAt(++j);
          }
          word.append(d);
        }
        if (j >= line.length()) {
          throw new InvalidRequestException("unclosed \" quote (from column " + (i + 1) + ")");
        }
        i = j;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * The words of a JSON line: {@code cmd} (one or more words, e.g. {@code "report funnel"}), then
   * {@code case}, then for {@code log} its {@code type}, then the strings of {@code args}; every
   * other key is an option: {@code "by": "x"} is {@code --by x}, {@code "dry_run": true} is {@code
   * --dry-run}, a list repeats the option and an object gives {@code KEY=VALUE} ({@code "set":
   * {"amount": 1200000}} is {@code --set amount=1200000}).
   */
  static List<String> fromJson(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject() || !node.path("cmd").isTextual() || node.get("cmd").asText().isBlank()) {
      throw new InvalidRequestException("a JSON line needs \"cmd\": the command, e.g. {\"cmd\": \"log\", \"case\": \"ACME-2026-001\", \"type\": \"meeting\"}");
    }
    List<String> words = new ArrayList<>(split(node.get("cmd").asText()));
    boolean log = words.get(0).equals("log");
    List<String> positional = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("args")) {
        if (!value.isArray()) {
          throw new InvalidRequestException("\"args\" must be a list of words");
        }
        value.forEach(v -> positional.add(scalar("args", v)));
      } else if (!key.equals("cmd") && !key.equals("case") && !(log && key.equals("type"))) {
        option("--" + key.replace('_', '-'), value, options);
      }
    }
    if (node.has("case")) {
      words.add(scalar("case", node.get("case")));
    }
    if (log && node.has("type")) {
      words.add(scalar("type", node.get("type")));
    }
    words.addAll(positional);
    words.addAll(options);
    return words;
  }

  private static void option(String name, JsonNode value, List<String> into) {
    if (value.isBoolean()) {
      if (value.asBoolean()) {
        into.add(name);
      }
    } else if (value.isArray()) {
      value.forEach(v -> option(name, v, into));
    } else if (value.isObject()) {
      value.fields().forEachRemaining(e -> {
        into.add(name);
        into.add(e.getKey() + "=" + scalar(name, e.getValue()));
      });
    } else if (!value.isNull()) {
      into.add(name);
      into.add(scalar(name, value));
    }
  }

  private static String scalar(String key, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw new InvalidRequestException("\"" + key + "\" must be a string or a number");
    }
    return value.asText();
  }
}
