package dev.rollouts.expr;

import static dev.rollouts.expr.Builtins.define;

/**
 * The functions Argo Rollouts adds to the environment of every analysis condition
 * (utils/evaluate/evaluate.go, {@code EvalCondition}): {@code asInt}, {@code asFloat}, {@code
 * isNaN}, {@code isInf}, {@code isNil} and {@code default}.
 *
 * <ul>
 *   <li>{@code asInt(x)}: a float truncates ({@code asInt(1.123) == 1}), an int is itself, a string
 *       must be a base-10 integer ({@code asInt("1.1")} fails with Go's {@code strconv.ParseInt:
 *       parsing "1.1": invalid syntax}).
 *   <li>{@code asFloat(x)}: numbers convert, strings parse with Go's {@code ParseFloat} ({@code
 *       asFloat("NotANum")} fails: {@code strconv.ParseFloat: parsing "NotANum": invalid syntax}).
 *   <li>{@code isNaN(x)}, {@code isInf(x)} (either sign): of a number; anything else is an error.
 *   <li>{@code isNil(x)}: x is nil; {@code default(x, d)}: d when x is nil, else x. (Argo's two
 *       ignore their first argument and test {@code result}; these test the argument, which is the
 *       same for the documented {@code isNil(result)} and {@code default(result, 0)}.)
 * </ul>
 */
final class ArgoFunctions {
  private ArgoFunctions() {}

  static void register() {
    define("asInt", 1, 1, a -> asInt(a[0]));
    define("asFloat", 1, 1, a -> asFloat(a[0]));
    define("isNaN", 1, 1, a -> Double.isNaN(float64("isNaN", a[0])));
    define("isInf", 1, 1, a -> Double.isInfinite(float64("isInf", a[0])));
    define("isNil", 1, 1, a -> a[0] == null);
    define("default", 2, 2, a -> a[0] == null ? a[1] : a[0]);
  }

  private static Object asInt(Object v) {
    if (v instanceof Long) {
      return v;
    } else if (v instanceof Double d) {
      return Access.toInt(d);
    } else if (v instanceof String s) {
      Object parsed = GoNumbers.parseInt(s);
      if (parsed instanceof String error) {
        throw new ExpressionEvaluationException(error);
      }
      return parsed;
    }
    throw notSupported("asInt", v);
  }

  private static Object asFloat(Object v) {
    if (Values.isNumber(v)) {
      return Operators.toDouble(v);
    } else if (v instanceof String s) {
      String error = GoNumbers.parseFloatError(s);
      if (error != null) {
        throw new ExpressionEvaluationException(error);
      }
      return GoNumbers.parseFloat(s);
    }
    throw notSupported("asFloat", v);
  }

  /** Argo's panic text: {@code asInt() not supported on bool true}. */
  private static ExpressionEvaluationException notSupported(String function, Object v) {
    return new ExpressionEvaluationException(
        function + "() not supported on " + Values.typeName(v) + " " + Values.format(v));
  }

  private static double float64(String function, Object v) {
    if (Values.isNumber(v)) {
      return Operators.toDouble(v);
    }
    throw Builtins.badArgument(function, v, "float64");
  }
}
