package dev.rollouts.notifications.template;

import dev.rollouts.notifications.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into tokens as Go's {@code text/template/parse/lex.go} does: text outside
 * {@code {{ }}}, the trim markers {@code {{- } and { -}}} (the space is required and trims all
 * adjacent white space of the neighbouring text), comments {@code {{/* … *}{@code /}}} that produce
 * nothing, and inside actions the identifiers, fields, variables, literals and punctuation.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("if", Kind.IF),
          Map.entry("else", Kind.ELSE),
          Map.entry("end", Kind.END),
          Map.entry("range", Kind.RANGE),
          Map.entry("with", Kind.WITH),
          Map.entry("define", Kind.DEFINE),
          Map.entry("template", Kind.TEMPLATE),
          Map.entry("block", Kind.BLOCK),
          Map.entry("break", Kind.BREAK),
          Map.entry("continue", Kind.CONTINUE),
          Map.entry("nil", Kind.NIL),
          Map.entry("true", Kind.BOOL),
          Map.entry("false", Kind.BOOL));

  private final String name;
  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String name, String input) {
    this.name = name;
    this.input = input;
  }

  static List<Token> lex(String name, String input) {
    Lexer lexer = new Lexer(name, input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean trimLeadingText = false;
    while (pos <= input.length()) {
      int open = input.indexOf("{{", pos);
      int textEnd = open < 0 ? input.length() : open;
      boolean trimTrailing = open >= 0 && hasLeftTrim(open + 2);
      int textStart = pos;
      if (trimLeadingText) {
        while (textStart < textEnd && isSpace(input.charAt(textStart))) {
          textStart++;
        }
      }
      int end = textEnd;
      if (trimTrailing) {
        while (end > textStart && isSpace(input.charAt(end - 1))) {
          end--;
        }
      }
      if (end > textStart) {
        tokens.add(new Token(Kind.TEXT, input.substring(textStart, end), textStart));
      }
      if (open < 0) {
        break;
      }
      pos = open + 2 + (trimTrailing ? 2 : 0);
      trimLeadingText = lexAction(open);
    }
    tokens.add(new Token(Kind.EOF, "", input.length()));
  }

  private boolean hasLeftTrim(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  /** Lexes one action starting after its left delimiter; answers whether it ended with " -}}". */
  private boolean lexAction(int open) {
    if (input.startsWith("/*", pos)) {
      int close = input.indexOf("*/", pos + 2);
      if (close < 0) {
        throw error(open, "unclosed comment");
      }
      pos = close + 2;
      if (input.startsWith(" -}}", pos)) {
        pos += 4;
        return true;
      }
      if (input.startsWith("}}", pos)) {
        pos += 2;
        return false;
      }
      throw error(open, "comment ends before closing delimiter");
    }
    tokens.add(new Token(Kind.LEFT_DELIM, "{{", open));
    int parens = 0;
    while (true) {
      if (pos + 3 < input.length() + 0
          && isSpace(input.charAt(pos))
          && input.startsWith("-}}", pos + 1)) {
        tokens.add(new Token(Kind.RIGHT_DELIM, "}}", pos));
        pos += 4;
        checkParens(parens, open);
        return true;
      }
      if (input.startsWith("}}", pos)) {
        tokens.add(new Token(Kind.RIGHT_DELIM, "}}", pos));
        pos += 2;
        checkParens(parens, open);
        return false;
      }
      if (pos >= input.length()) {
        throw error(open, "unclosed action");
      }
      char c = input.charAt(pos);
      int start = pos;
      if (isSpace(c)) {
        while (pos < input.length() && isSpace(input.charAt(pos))) {
          if (input.startsWith("-}}", pos + 1) && isSpace(input.charAt(pos))) {
            break;
          }
          pos++;
        }
        if (pos == start) {
          pos++;
        }
        add(Kind.SPACE, start);
      } else if (c == '(') {
        pos++;
        parens++;
        add(Kind.LEFT_PAREN, start);
      } else if (c == ')') {
        pos++;
        if (--parens < 0) {
          throw error(start, "unexpected right paren");
        }
        add(Kind.RIGHT_PAREN, start);
      } else if (c == '|') {
        pos++;
        add(Kind.PIPE, start);
      } else if (c == ',') {
        pos++;
        add(Kind.COMMA, start);
      } else if (c == ':') {
        if (!input.startsWith(":=", pos)) {
          throw error(start, "expected :=");
        }
        pos += 2;
        add(Kind.DECLARE, start);
      } else if (c == '=') {
        pos++;
        add(Kind.ASSIGN, start);
      } else if (c == '"') {
        lexQuote(start, '"', Kind.STRING);
      } else if (c == '\'') {
        lexQuote(start, '\'', Kind.CHAR);
      } else if (c == '`') {
        int close = input.indexOf('`', pos + 1);
        if (close < 0) {
          throw error(start, "unterminated raw quoted string");
        }
        pos = close + 1;
        add(Kind.RAW_STRING, start);
      } else if (c == '$') {
        pos++;
        skipAlphaNumeric();
        add(Kind.VARIABLE, start);
      } else if (c == '.') {
        if (pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1))) {
          lexNumber(start);
        } else {
          pos++;
          if (skipAlphaNumeric()) {
            add(Kind.FIELD, start);
          } else {
            add(Kind.DOT, start);
          }
        }
      } else if (c == '+' || c == '-' || Character.isDigit(c)) {
        lexNumber(start);
      } else if (isAlphaNumeric(c)) {
        skipAlphaNumeric();
        String word = input.substring(start, pos);
        tokens.add(new Token(KEYWORDS.getOrDefault(word, Kind.IDENTIFIER), word, start));
      } else {
        throw error(start, "unexpected \"" + c + "\" in command");
      }
    }
  }

  private void checkParens(int parens, int open) {
    if (parens > 0) {
      throw error(open, "unclosed left paren");
    }
  }

  private void lexQuote(int start, char quote, Kind kind) {
    pos++;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw error(start, "unterminated quoted string");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote) {
        break;
      }
    }
    add(kind, start);
  }

  private void lexNumber(int start) {
    if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
      pos++;
    }
    while (pos < input.length()) {
      char c = input.charAt(pos);
      boolean exponentSign =
          (c == '+' || c == '-') && "eEpP".indexOf(input.charAt(pos - 1)) >= 0 && !isHex(start);
      if (isAlphaNumeric(c) || c == '.' || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    add(Kind.NUMBER, start);
  }

  private boolean isHex(int start) {
    String s = input.substring(start, pos).replaceFirst("^[+-]", "");
    return s.startsWith("0x") || s.startsWith("0X");
  }

  private boolean skipAlphaNumeric() {
    int start = pos;
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    return pos > start;
  }

  private void add(Kind kind, int start) {
    tokens.add(new Token(kind, input.substring(start, pos), start));
  }

  private TemplateException error(int offset, String message) {
    return new TemplateException(Positions.of(name, input, offset) + ": " + message);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
