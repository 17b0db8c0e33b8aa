package dev.rollouts.expr;

/**
 * Evaluating a valid expression failed, with a message in expr-lang's wording where there is one:
 * {@code invalid operation: < (mismatched types <nil> and float64)}, {@code index out of range: 0
 * (array length 0)}, {@code expected bool, but got float64}.
 */
public final class ExpressionEvaluationException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  ExpressionEvaluationException(String message) {
    super(message);
  }
}
