package dev.rollouts.expr;

/**
 * The source text is not a valid expression, or names something that cannot exist (an unknown
 * function, the wrong number of arguments to a built-in).
 *
 * <p>The message names the position first, then what is wrong, e.g. {@code line 1, column 12:
 * unexpected token ')'}. Lines and columns count from 1; {@link #position()} is the same place as a
 * 0-based offset into {@link Expression#source()}, for callers that underline it.
 */
public final class ExpressionSyntaxException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String reason;

  ExpressionSyntaxException(String source, int position, String reason) {
    super(locate(source, position) + ": " + reason);
    this.position = position;
    this.reason = reason;
  }

  /**
   * Where the problem is: a 0-based character offset into the source ({@code source.length()} when
   * the text ended too early).
   */
  public int position() {
    return position;
  }

  /** What is wrong, without the position, e.g. {@code unexpected token ')'}. */
  public String reason() {
    return reason;
  }

  private static String locate(String source, int position) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < position && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }
}
