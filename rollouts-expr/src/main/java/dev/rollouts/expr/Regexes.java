package dev.rollouts.expr;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code matches} with Java's regular expressions standing in for Go's RE2. The common syntax
 * (classes, quantifiers, anchors, groups, {@code (?i)} flags, {@code \d \w \s \b}) means the same
 * in both. Go-only spellings are translated: {@code (?P<name>…)} named groups and the POSIX classes
 * {@code [[:alpha:]]} etc. Java accepts more than RE2 (back-references, look-around); a pattern RE2
 * refuses for those may work here. A match is a search, as Go's {@code MatchString} is: {@code
 * "abc" matches "b"} is true.
 */
final class Regexes {
  private static final String[][] POSIX = {
    {"[:alnum:]", "\\p{Alnum}"},
    {"[:alpha:]", "\\p{Alpha}"},
    {"[:ascii:]", "\\p{ASCII}"},
    {"[:blank:]", "\\p{Blank}"},
    {"[:cntrl:]", "\\p{Cntrl}"},
    {"[:digit:]", "\\p{Digit}"},
    {"[:graph:]", "\\p{Graph}"},
    {"[:lower:]", "\\p{Lower}"},
    {"[:print:]", "\\p{Print}"},
    {"[:punct:]", "\\p{Punct}"},
    {"[:space:]", "\\s"},
    {"[:upper:]", "\\p{Upper}"},
    {"[:word:]", "\\w"},
    {"[:xdigit:]", "\\p{XDigit}"},
  };

  private Regexes() {}

  /** A constant pattern, compiled with the expression: a bad one is a syntax error. */
  static Pattern compile(String source, int pos, String regex) {
    try {
      return Pattern.compile(translate(regex));
    } catch (PatternSyntaxException e) {
      throw new ExpressionSyntaxException(
          source, pos, "error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
    }
  }

  /** A pattern computed while evaluating: a bad one is an evaluation error. */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(translate(regex));
    } catch (PatternSyntaxException e) {
      throw new ExpressionEvaluationException(
          "error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
    }
  }

  static String translate(String regex) {
    String out = regex.replace("(?P<", "(?<");
    for (String[] p : POSIX) {
      out = out.replace(p[0], p[1]);
    }
    return out;
  }
}
