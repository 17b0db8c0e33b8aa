package dev.rollouts.expr;

import dev.rollouts.expr.Compiler.Compiled;
import dev.rollouts.expr.Node.Binary;
import dev.rollouts.expr.Node.Literal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Compiles the binary operators: each node becomes one closure over its two operands. */
final class Binaries {
  /** The longest list {@code a..b} may build; expr's memory budget refuses larger ones. */
  static final long MAX_RANGE = 1_000_000;

  private Binaries() {}

  static Compiled compile(Compiler compiler, Binary node) {
    String op = node.op();
    Compiled left = compiler.compile(node.left());
    Code a = left.code();
    if (op.equals("matches")
        && node.right() instanceof Literal l
        && l.value() instanceof String re) {
      Pattern pattern = Regexes.compile(compiler.source(), node.right().pos(), re);
      return typed(
          s -> {
            Object x = a.run(s);
            if (x == null) {
              return false;
            }
            if (!(x instanceof String str)) {
              throw Operators.mismatched("matches", x, re);
            }
            return pattern.matcher(str).find();
          });
    }
    Compiled right = compiler.compile(node.right());
    Code b = right.code();
    boolean both = left.typed() && right.typed();
    return switch (op) {
      case "+" -> new Compiled(s -> Operators.add(a.run(s), b.run(s)), both);
      case "-" -> new Compiled(s -> Operators.subtract(a.run(s), b.run(s)), both);
      case "*" -> new Compiled(s -> Operators.multiply(a.run(s), b.run(s)), both);
      case "/" -> new Compiled(s -> Operators.divide(a.run(s), b.run(s)), both);
      case "%" -> new Compiled(s -> Operators.modulo(a.run(s), b.run(s)), both);
      case "**", "^" -> new Compiled(s -> Operators.power(op, a.run(s), b.run(s)), both);
      case "<", "<=", ">", ">=" -> typed(s -> Operators.compare(op, a.run(s), b.run(s)));
      case "==" -> typed(s -> equal(a.run(s), b.run(s), both));
      case "!=" -> typed(s -> !equalChecked("!=", a.run(s), b.run(s), both));
      case "and", "&&" -> typed(s -> bool(op, a.run(s), true) && bool(op, b.run(s), false));
      case "or", "||" -> typed(s -> bool(op, a.run(s), true) || bool(op, b.run(s), false));
      case "??" ->
          new Compiled(
              s -> {
                Object x = a.run(s);
                return x != null ? x : b.run(s);
              },
              false);
      case "in" -> typed(s -> Operators.in(a.run(s), b.run(s)));
      case "contains" -> typed(s -> strings(op, a.run(s), b.run(s)));
      case "startsWith" -> typed(s -> strings(op, a.run(s), b.run(s)));
      case "endsWith" -> typed(s -> strings(op, a.run(s), b.run(s)));
      case "matches" ->
          typed(
              s -> {
                Object x = a.run(s);
                Object y = b.run(s);
                if (x == null || y == null) {
                  return false;
                }
                if (!(x instanceof String str) || !(y instanceof String re)) {
                  throw Operators.mismatched(op, x, y);
                }
                return Regexes.compile(re).matcher(str).find();
              });
      case ".." -> typed(s -> range(a.run(s), b.run(s)));
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  private static Compiled typed(Code code) {
    return new Compiled(code, true);
  }

  private static boolean equal(Object x, Object y, boolean typed) {
    return equalChecked("==", x, y, typed);
  }

  /**
   * {@code ==}: an error where expr's checker would refuse it (both operands of known, different
   * kinds), else {@link Operators#equal}.
   */
  private static boolean equalChecked(String op, Object x, Object y, boolean typed) {
    if (typed && x != null && y != null && !sameKind(x, y)) {
      throw Operators.mismatched(op, x, y);
    }
    return Operators.equal(x, y);
  }

  private static boolean sameKind(Object x, Object y) {
    if (Values.isNumber(x)) {
      return Values.isNumber(y);
    }
    return Values.typeName(x).equals(Values.typeName(y));
  }

  private static boolean bool(String op, Object v, boolean left) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ExpressionEvaluationException(
        "invalid operation: "
            + op
            + " (mismatched types "
            + (left ? Values.typeName(v) + " and bool" : "bool and " + Values.typeName(v))
            + ")");
  }

  private static boolean strings(String op, Object x, Object y) {
    if (x == null || y == null) {
      return false;
    }
    if (!(x instanceof String a) || !(y instanceof String b)) {
      throw Operators.mismatched(op, x, y);
    }
    return switch (op) {
      case "contains" -> a.contains(b);
      case "startsWith" -> a.startsWith(b);
      default -> a.endsWith(b);
    };
  }

  private static List<Object> range(Object x, Object y) {
    if (!(x instanceof Long from) || !(y instanceof Long to)) {
      throw Operators.mismatched("..", x, y);
    }
    long size = to - from + 1;
    if (to < from || size <= 0) {
      return List.of();
    }
    if (size > MAX_RANGE) {
      throw new ExpressionEvaluationException(
          "memory budget exceeded: " + from + ".." + to + " has more than " + MAX_RANGE + " items");
    }
    List<Object> out = new ArrayList<>((int) size);
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return Collections.unmodifiableList(out);
  }
}
