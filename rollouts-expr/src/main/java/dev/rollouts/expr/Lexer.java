package dev.rollouts.expr;

import dev.rollouts.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits source text into tokens as expr-lang's lexer does: {@code //} and {@code /* *}{@code /}
 * comments, decimal / hex / octal / binary integers with {@code _} separators, floats with
 * exponents ({@code 1e3}, {@code .5}), single-, double- and back-quoted strings (the last raw),
 * Go's escapes, and the word operators.
 */
final class Lexer {
  private static final Set<String> WORD_OPERATORS =
      Set.of(
          "not",
          "in",
          "and",
          "or",
          "matches",
          "contains",
          "startsWith",
          "endsWith",
          "let",
          "if",
          "else");
  private static final String TWO_CHAR = "** == != <= >= && || ?. ?? .. ::";

  private final String src;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> lex(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= src.length()) {
        tokens.add(new Token(Kind.EOF, "", null, src.length(), src.length()));
        return;
      }
      char c = src.charAt(pos);
      int start = pos;
      if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder();
        pos = Strings.unquote(src, pos, value);
        add(Kind.STRING, start, value.toString());
      } else if (c == '`') {
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
          throw error(src.length(), "literal not terminated");
        }
        pos = close + 1;
        add(Kind.STRING, start, src.substring(start + 1, close));
      } else if (isDigit(c)
          || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (isIdentifierStart(c)) {
        while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
          pos++;
        }
        String word = src.substring(start, pos);
        add(WORD_OPERATORS.contains(word) ? Kind.OPERATOR : Kind.IDENTIFIER, start, null);
      } else if ("([{)]}".indexOf(c) >= 0) {
        pos++;
        add(Kind.BRACKET, start, null);
      } else if (pos + 1 < src.length() && isTwoChar(src.substring(pos, pos + 2))) {
        pos += 2;
        add(Kind.OPERATOR, start, null);
      } else if ("+-*/%^=!<>?:,;.#|&".indexOf(c) >= 0) {
        pos++;
        add(Kind.OPERATOR, start, null);
      } else {
        throw error(
            pos,
            "unrecognized character: '"
                + new String(Character.toChars(src.codePointAt(pos)))
                + "'");
      }
    }
  }

  private static boolean isTwoChar(String s) {
    return s.length() == 2 && TWO_CHAR.contains(s) && !s.contains(" ");
  }

  private void number() {
    int start = pos;
    String digits = "0123456789_";
    boolean integer = true;
    int radix = 10;
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      radix = 16;
    } else if (src.startsWith("0o", pos) || src.startsWith("0O", pos)) {
      radix = 8;
    } else if (src.startsWith("0b", pos) || src.startsWith("0B", pos)) {
      radix = 2;
    }
    if (radix != 10) {
      pos += 2;
      digits = radix == 16 ? "0123456789abcdefABCDEF_" : radix == 8 ? "01234567_" : "01_";
    }
    acceptRun(digits);
    if (radix == 10 && peek() == '.' && peek(1) != '.') {
      integer = false;
      pos++;
      acceptRun(digits);
    }
    if (radix == 10 && (peek() == 'e' || peek() == 'E')) {
      integer = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      acceptRun(digits);
    }
    if (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
      throw error(pos, "bad number syntax: \"" + src.substring(start, pos + 1) + "\"");
    }
    String text = src.substring(start, pos).replace("_", "");
    try {
      if (integer) {
        String body = radix == 10 ? text : text.substring(2);
        add(Kind.NUMBER, start, Long.parseLong(body, radix));
      } else {
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
          throw error(start, "float literal is too large");
        }
        add(Kind.NUMBER, start, d);
      }
    } catch (NumberFormatException e) {
      throw error(start, "invalid number literal: " + src.substring(start, pos));
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
      } else if (src.startsWith("/*", pos)) {
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
          throw error(src.length(), "unclosed comment");
        }
        pos = close + 2;
      } else {
        return;
      }
    }
  }

  private void acceptRun(String chars) {
    while (pos < src.length() && chars.indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    return peek(0);
  }

  private char peek(int ahead) {
    return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
  }

  private void add(Kind kind, int start, Object value) {
    tokens.add(new Token(kind, src.substring(start, pos), value, start, pos));
  }

  private ExpressionSyntaxException error(int at, String reason) {
    return new ExpressionSyntaxException(src, at, reason);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return c == '_' || c == '$' || Character.isLetter(c);
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || Character.isDigit(c);
  }
}
