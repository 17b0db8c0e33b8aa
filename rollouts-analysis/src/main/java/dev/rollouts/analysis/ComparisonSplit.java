package dev.rollouts.analysis;

import java.util.Optional;

/**
 * The left operand of a condition that is a single comparison: {@code result[0]} of {@code
 * result[0] >= 0.95}. Empty for anything else ({@code a && b}, {@code x ? y : z}, a call), which is
 * then explained by the whole {@code result}. Purely textual: it tracks quotes and brackets, and
 * finds the one comparison operator outside them.
 */
final class ComparisonSplit {

  private ComparisonSplit() {}

  static Optional<String> left(String condition) {
    int depth = 0;
    char quote = 0;
    int found = -1;
    for (int i = 0; i < condition.length(); i++) {
      char c = condition.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'', '`' -> quote = c;
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case '&', '|', '?', '!' -> {
          if (depth == 0 && !(c == '!' && next(condition, i) == '=')) {
            return Optional.empty();
          }
        }
        default -> {}
      }
      if (depth == 0 && isOperatorStart(condition, i)) {
        if (found >= 0) {
          return Optional.empty();
        }
        found = i;
        if (next(condition, i) == '=') {
          i++;
        }
      }
      if (depth == 0 && wordAt(condition, i)) {
        return Optional.empty();
      }
    }
    if (found <= 0) {
      return Optional.empty();
    }
    String left = condition.substring(0, found).strip();
    return left.isEmpty() ? Optional.empty() : Optional.of(left);
  }

  private static boolean isOperatorStart(String s, int i) {
    char c = s.charAt(i);
    if (c == '<' || c == '>') {
      return true;
    }
    return (c == '=' || c == '!') && next(s, i) == '=';
  }

  /** Whether a keyword operator ({@code and}, {@code or}, {@code not}, {@code in}) starts at i. */
  private static boolean wordAt(String s, int i) {
    for (String word : new String[] {"and", "or", "not", "in", "matches", "contains"}) {
      if (s.startsWith(word, i)
          && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))
          && (i + word.length() == s.length()
              || !Character.isJavaIdentifierPart(s.charAt(i + word.length())))) {
        return true;
      }
    }
    return false;
  }

  private static char next(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i + 1) : 0;
  }
}
