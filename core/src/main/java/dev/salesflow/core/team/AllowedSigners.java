package dev.salesflow.core.team;

import dev.salesflow.core.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A git/OpenSSH allowed-signers file ({@code ssh-keygen(1)}, ALLOWED SIGNERS): one line per key,
 * {@code principals [options] keytype base64 [comment]}; principals are comma-separated patterns
 * ({@code *} and {@code ?} wildcards), here e-mail addresses; the {@code namespaces="..."} option
 * limits a key to those namespaces. Blank lines and {@code #} comments are skipped. Options this
 * reader does not enforce ({@code cert-authority}, {@code valid-after}, {@code valid-before}) are
 * refused rather than ignored, so no line means less here than it does to {@code ssh-keygen}.
 */
final class AllowedSigners {
  /** One line: who may sign with which key, in which namespaces (empty: all). */
  record Entry(List<Pattern> principals, List<String> namespaces, SshPublicKey key, int line) {}

  /** A line that could not be read, with its place. */
  record Problem(SourcePosition at, String message) {}

  private final List<Entry> entries;
  private final List<Problem> problems;

  private AllowedSigners(List<Entry> entries, List<Problem> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  static AllowedSigners parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int column = line.indexOf(stripped.charAt(0)) + 1;
      try {
        entries.add(entry(stripped, i + 1));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(new SourcePosition(i + 1, column), e.getMessage()));
      }
    }
    return new AllowedSigners(entries, problems);
  }

  private static Entry entry(String line, int number) {
    List<String> tokens = tokens(line);
    if (tokens.size() < 3) {
      throw new IllegalArgumentException("an allowed-signers line is 'principals [options] keytype base64'");
    }
    List<Pattern> principals = new ArrayList<>();
    for (String p : tokens.get(0).split(",")) {
      if (p.isEmpty() || p.startsWith("!")) {
        throw new IllegalArgumentException("principal '" + p + "' is not supported (e-mail addresses or * ? patterns)");
      }
      principals.add(glob(p));
    }
    int keyAt = 1;
    List<String> namespaces = new ArrayList<>();
    if (!looksLikeKeyType(tokens.get(1))) {
      keyAt = 2;
      for (String option : splitOptions(tokens.get(1))) {
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        if (name.equalsIgnoreCase("namespaces")) {
          for (String ns : unquote(option.substring(option.indexOf('=') + 1)).split(",")) {
            namespaces.add(ns.strip());
          }
        } else {
          throw new IllegalArgumentException("option '" + name + "' is not supported here (only namespaces=\"...\")");
        }
      }
    }
    if (tokens.size() < keyAt + 2) {
      throw new IllegalArgumentException("the line has no key after its principals and options");
    }
    return new Entry(principals, namespaces, SshPublicKey.parse(tokens.get(keyAt), tokens.get(keyAt + 1)), number);
  }

  private static boolean looksLikeKeyType(String token) {
    return token.startsWith("ssh-") || token.startsWith("ecdsa-") || token.startsWith("sk-") || token.startsWith("rsa-");
  }

  /** Whitespace-separated tokens; double quotes keep spaces inside one. */
  private static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (Character.isWhitespace(c) && !quoted) {
        if (current.length() > 0) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quote is not closed");
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  private static List<String> splitOptions(String options) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : options.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  List<Problem> problems() {
    return problems;
  }

  /** Whether {@code key} may sign for {@code principal} in {@code namespace}. */
  boolean allows(String principal, SshPublicKey key, String namespace) {
    for (Entry e : entries) {
      if (e.key().equals(key) && (e.namespaces().isEmpty() || e.namespaces().contains(namespace))
          && matchesAny(e.principals(), principal)) {
        return true;
      }
    }
    return false;
  }

  /** How many keys are listed for {@code principal}. */
  int keysFor(String principal) {
    int n = 0;
    for (Entry e : entries) {
      n += matchesAny(e.principals(), principal) ? 1 : 0;
    }
    return n;
  }

  private static boolean matchesAny(List<Pattern> patterns, String principal) {
    for (Pattern p : patterns) {
      if (p.matcher(principal).matches()) {
        return true;
      }
    }
    return false;
  }
}
