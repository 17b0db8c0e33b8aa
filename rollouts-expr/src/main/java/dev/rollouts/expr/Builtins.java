package dev.rollouts.expr;

import dev.rollouts.expr.Compiler.Compiled;
import dev.rollouts.expr.Node.Call;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions an expression can call: expr-lang's built-ins (v1.17, the version Argo Rollouts
 * pins) and Argo's additions. Each has a signature checked when parsing, so a misspelt name or a
 * wrong argument count is a syntax error as it is a compile error in Argo.
 */
final class Builtins {
  /** A plain function of already evaluated arguments. */
  @FunctionalInterface
  interface Fn {
    Object apply(Object[] args);
  }

  /**
   * How many arguments a function takes, and which one (if any) is a predicate ({@code -1} for
   * none).
   */
  record Signature(String name, int min, int max, int predicateArg) {
    boolean isPredicate(int index) {
      return index == predicateArg;
    }

    /** The problem with calling it with {@code n} arguments, or null if there is none. */
    String checkArity(int n) {
      if (n >= min && n <= max) {
        return null;
      }
      if (predicateArg >= 0 && n < min) {
        return "expected at least " + min + " arguments";
      }
      if (min == max) {
        return "invalid number of arguments (expected " + min + ", got " + n + ")";
      }
      return (n < min ? "not enough" : "too many") + " arguments to call " + name;
    }
  }

  private static final Map<String, Signature> SIGNATURES = new HashMap<>();
  private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

  /** Functions whose result type expr's checker knows (used for the {@code ==} check). */
  private static final Set<String> TYPED =
      Set.of(
          "all",
          "any",
          "none",
          "one",
          "filter",
          "map",
          "count",
          "findIndex",
          "findLastIndex",
          "len",
          "type",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "mean",
          "median",
          "toJSON",
          "toBase64",
          "fromBase64",
          "keys",
          "values",
          "reverse",
          "uniq",
          "concat",
          "sort",
          "asInt",
          "asFloat",
          "isNaN",
          "isInf",
          "isNil",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitnot",
          "bitshl",
          "bitshr",
          "bitushr",
          "toPairs",
          "fromPairs",
          "flatten",
          "splitAfter",
          "now",
          "duration",
          "date");

  static {
    for (String name : List.of("all", "none", "any", "one", "filter", "map")) {
      predicate(name, 2, 2);
    }
    for (String name : List.of("find", "findIndex", "findLast", "findLastIndex", "groupBy")) {
      predicate(name, 2, 2);
    }
    predicate("count", 1, 2);
    predicate("sum", 1, 2);
    predicate("sortBy", 2, 3);
    predicate("reduce", 2, 3);
    Functions.register();
    ListFunctions.register();
    MoreFunctions.register();
    define("duration", 1, 1, a -> GoDurations.parse(string("duration", a[0])));
    define("date", 1, 3, GoTimes::date);
    SIGNATURES.put("now", new Signature("now", 0, 0, -1));
    ArgoFunctions.register();
  }

  private Builtins() {}

  private static void predicate(String name, int min, int max) {
    SIGNATURES.put(name, new Signature(name, min, max, 1));
  }

  static void define(String name, int min, int max, Fn fn) {
    SIGNATURES.put(name, new Signature(name, min, max, -1));
    FUNCTIONS.put(name, fn);
  }

  static Signature signature(String name) {
    return SIGNATURES.get(name);
  }

  static Compiled compile(Compiler compiler, Call call) {
    if (SIGNATURES.get(call.name()).predicateArg() >= 0) {
      return new Compiled(Predicates.compile(compiler, call), TYPED.contains(call.name()));
    }
    if (call.name().equals("now")) {
      return new Compiled(
          s -> {
            if (s.now == null) {
              throw new ExpressionEvaluationException(
                  "now() needs the evaluation time: call evaluate(variables, now)");
            }
            return s.now;
          },
          true);
    }
    Fn fn = FUNCTIONS.get(call.name());
    List<Compiled> compiled = call.args().stream().map(compiler::compile).toList();
    Code[] args = compiled.stream().map(Compiled::code).toArray(Code[]::new);
    boolean typed = TYPED.contains(call.name());
    if (call.name().equals("abs")) {
      typed = compiled.get(0).typed();
    }
    return new Compiled(
        s -> {
          Object[] values = new Object[args.length];
          for (int i = 0; i < args.length; i++) {
            values[i] = args[i].run(s);
          }
          return fn.apply(values);
        },
        typed);
  }

  /** {@code cannot use int as argument (type string) to call upper}, expr's checker wording. */
  static ExpressionEvaluationException badArgument(String function, Object value, String wanted) {
    return new ExpressionEvaluationException(
        "cannot use "
            + Values.typeName(value)
            + " as argument (type "
            + wanted
            + ") to call "
            + function);
  }

  static ExpressionEvaluationException invalidArgument(String function, Object value) {
    return new ExpressionEvaluationException(
        "invalid argument for " + function + " (type " + Values.typeName(value) + ")");
  }

  static String string(String function, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw badArgument(function, value, "string");
  }

  static long integer(String function, Object value) {
    if (value instanceof Long l) {
      return l;
    }
    throw badArgument(function, value, "int");
  }

  static List<?> list(String function, Object value) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new ExpressionEvaluationException(
        "builtin " + function + " takes only array (got " + Values.typeName(value) + ")");
  }
}
