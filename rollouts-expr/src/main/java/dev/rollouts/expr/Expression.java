package dev.rollouts.expr;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed expression in the expr-lang dialect Argo Rollouts evaluates: analysis {@code
 * successCondition} / {@code failureCondition} and notification trigger {@code when} conditions.
 *
 * <p>Parse once, evaluate many times: an {@code Expression} is immutable and safe to share between
 * threads. Evaluation reads only the variables it is given; it does no I/O and reads no clock.
 *
 * <pre>{@code
 * Expression condition = Expression.parse("len(result) == 0 || result[0] >= 0.95");
 * condition.test(Map.of("result", List.of(0.97)));   // true
 * condition.test(Map.of("result", List.of(0.50)));   // false
 * condition.test(Map.of("result", List.of()));       // true
 * }</pre>
 *
 * <p>Values in and out are {@code null} (expr's {@code nil}), {@link Boolean}, {@link Long} (ints;
 * {@link Integer}, {@link Short} and {@link Byte} are accepted on input), {@link Double} (floats;
 * {@link Float} accepted on input), {@link String}, {@link java.util.List} (arrays) and {@link Map}
 * with {@code String} keys (maps and objects: {@code a.b} reads key {@code b}), and Go's times and
 * durations as {@link java.time.Instant} and {@link java.time.Duration} ({@code now() -
 * duration("5m")}, {@code t.Sub(u).Minutes()}). A map entry that is a {@link
 * java.util.function.Function} of the argument list can be called as a method ({@code time.Now()}).
 * Anything else in the variables is an evaluation error when the expression touches it.
 *
 * <p>{@code now()} answers the {@code now} given to {@link #evaluate(Map, Instant)} or {@link
 * #test(Map, Instant)}; evaluation never reads a clock.
 *
 * <p>The language, and where it differs from expr-lang, is described in the README's section "The
 * expression language".
 */
public final class Expression {
  private final String source;
  private final Code code;
  private final int slots;

  private Expression(String source, Compiler.Program program) {
    this.source = source;
    this.code = program.code();
    this.slots = program.slots();
  }

  /**
   * Parses {@code source}.
   *
   * @throws ExpressionSyntaxException if it is not a valid expression; the message names the line
   *     and column, e.g. {@code line 1, column 12: unexpected token ')'}
   * @throws NullPointerException if {@code source} is null
   */
  public static Expression parse(String source) {
    Objects.requireNonNull(source, "source");
    Node tree = Parser.parse(source);
    return new Expression(source, Compiler.compile(source, tree));
  }

  /** The text this expression was parsed from, unchanged. */
  public String source() {
    return source;
  }

  /**
   * Evaluates this expression against {@code variables} (name to value; see the class comment for
   * the value types).
   *
   * @return the value: {@code null}, a {@link Boolean}, {@link Long}, {@link Double}, {@link
   *     String}, {@link Instant}, {@link java.time.Duration}, an unmodifiable {@link
   *     java.util.List} or an unmodifiable {@link Map}
   * @throws ExpressionEvaluationException if evaluation fails (a type mismatch, an index out of
   *     range, an unknown variable, a built-in given a value it does not take)
   */
  public Object evaluate(Map<String, ?> variables) {
    return Values.export(run(variables, null));
  }

  /**
   * Evaluates this expression with {@code now()} answering {@code now}: the evaluation still reads
   * no clock, the caller's time is a parameter. Otherwise as {@link #evaluate(Map)}.
   *
   * @throws ExpressionEvaluationException as {@link #evaluate(Map)} does
   */
  public Object evaluate(Map<String, ?> variables, Instant now) {
    return Values.export(run(variables, Objects.requireNonNull(now, "now")));
  }

  private Object run(Map<String, ?> variables, Instant now) {
    Objects.requireNonNull(variables, "variables");
    try {
      return code.run(new Code.Scope(variables, slots, now));
    } catch (Access.NilInChain e) {
      return null;
    } catch (ArithmeticException | ClassCastException | IndexOutOfBoundsException e) {
      throw new ExpressionEvaluationException("evaluation failed: " + e);
    }
  }

  /**
   * Evaluates this expression as a condition.
   *
   * @return the Boolean the expression yields
   * @throws ExpressionEvaluationException if evaluation fails, or the value is not a Boolean (the
   *     message is expr's: {@code expected bool, but got float64})
   */
  public boolean test(Map<String, ?> variables) {
    return bool(run(variables, null));
  }

  /**
   * Evaluates this expression as a condition, with {@code now()} answering {@code now}.
   *
   * @throws ExpressionEvaluationException as {@link #test(Map)} does
   */
  public boolean test(Map<String, ?> variables, Instant now) {
    return bool(run(variables, Objects.requireNonNull(now, "now")));
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ExpressionEvaluationException("expected bool, but got " + Values.typeName(value));
  }

  @Override
  public String toString() {
    return source;
  }
}
