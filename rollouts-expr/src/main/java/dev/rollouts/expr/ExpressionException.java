package dev.rollouts.expr;

/**
 * A problem with an expression: either its text is not a valid expression ({@link
 * ExpressionSyntaxException}) or evaluating it failed ({@link ExpressionEvaluationException}).
 *
 * <p>Unchecked, like expr-lang's errors are plain Go {@code error} values: a caller that treats
 * every failure alike (Argo's analysis makes the measurement {@code Error}; notifications count the
 * condition as false) catches this one type.
 */
public abstract sealed class ExpressionException extends RuntimeException
    permits ExpressionSyntaxException, ExpressionEvaluationException {
  private static final long serialVersionUID = 1L;

  ExpressionException(String message) {
    super(message);
  }
}
