package dev.rollouts.expr;

/**
 * One lexical token: its kind, its text as written, and where it starts and ends in the source
 * (0-based character offsets, end exclusive). For strings {@code value} is the unescaped text; for
 * numbers it is the {@link Long} or {@link Double}.
 */
record Token(Kind kind, String text, Object value, int start, int end) {
  enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    /** Symbols and the word operators ({@code not in and or matches contains ...}). */
    OPERATOR,
    BRACKET,
    EOF
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOperator(String t) {
    return is(Kind.OPERATOR, t);
  }

  boolean isBracket(String t) {
    return is(Kind.BRACKET, t);
  }

  /** How a message names this token: {@code ')'}, or "end of expression". */
  String describe() {
    return kind == Kind.EOF ? "end of expression" : "token '" + text + "'";
  }
}
