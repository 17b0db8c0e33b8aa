package dev.rollouts.expr;

import dev.rollouts.expr.Token.Kind;
import java.util.List;

/** The parser's position in the token list, and the errors it raises there. */
abstract class TokenCursor {
  final String src;
  private final List<Token> tokens;
  private int at;

  TokenCursor(String src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  Token current() {
    return tokens.get(at);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  void next() {
    if (at < tokens.size() - 1) {
      at++;
    }
  }

  void expect(Kind kind) {
    if (current().kind() != kind) {
      throw unexpected();
    }
    next();
  }

  void expect(Kind kind, String text) {
    if (!current().is(kind, text)) {
      throw unexpected();
    }
    next();
  }

  ExpressionSyntaxException unexpected() {
    return error(current().start(), "unexpected " + current().describe());
  }

  ExpressionSyntaxException error(int pos, String reason) {
    return new ExpressionSyntaxException(src, pos, reason);
  }
}
