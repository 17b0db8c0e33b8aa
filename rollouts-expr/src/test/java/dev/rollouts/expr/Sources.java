package dev.rollouts.expr;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated expressions over the variables {@code x} (int), {@code y} (float), {@code s} (string),
 * {@code xs} (list of ints) and {@code m} (map): every syntactic form of the language, nested a few
 * levels. They always parse; many fail to evaluate (type mismatches), which is part of what the
 * properties check.
 */
final class Sources {
  private static final List<String> BINARY =
      List.of(
          "+",
          "-",
          "*",
          "/",
          "%",
          "**",
          "^",
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "and",
          "or",
          "&&",
          "||",
          "in",
          "not in",
          "contains",
          "startsWith",
          "endsWith",
          "matches",
          "..",
          "??");

  private Sources() {}

  static Arbitrary<String> expressions() {
    return expression(3);
  }

  private static Arbitrary<String> expression(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf()),
        net.jqwik.api.Tuple.of(
            4,
            Combinators.combine(sub, Arbitraries.of(BINARY), sub)
                .as((a, op, b) -> "(" + a + " " + op + " " + b + ")")),
        net.jqwik.api.Tuple.of(
            1,
            Combinators.combine(Arbitraries.of("-", "not ", "!", "+"), sub)
                .as((op, a) -> op + "(" + a + ")")),
        net.jqwik.api.Tuple.of(
            1,
            Combinators.combine(sub, sub, sub)
                .as((c, a, b) -> "(" + c + " ? " + a + " : " + b + ")")),
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(sub, sub).as((a, b) -> "[" + a + ", " + b + "]")),
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(sub, sub).as((a, b) -> "{k: " + a + ", \"q r\": " + b + "}")),
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(
                    sub,
                    Arbitraries.of(
                        "%s.k",
                        "%s?.k", "%s[0]", "%s[-1]", "%s[1:]", "%s[:-1]", "%s?.[0]", "%s.n?.z",
                        "%s['k']"))
                .as((a, form) -> String.format(form, "(" + a + ")"))),
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(
                    sub,
                    Arbitraries.of(
                        "len(%s)",
                        "abs(%s)",
                        "string(%s)",
                        "int(%s)",
                        "float(%s)",
                        "max(%s, 1)",
                        "min(xs, %s)",
                        "all(xs, {# > %s})",
                        "any(xs, # == %s)",
                        "filter(xs, {# %% 2 == %s})",
                        "map(xs, # * %s)",
                        "count(xs, # < %s)",
                        "sum(map(xs, (%s)))",
                        "%s | string()",
                        "(let v = %s; v)",
                        "first(%s)",
                        "type(%s)",
                        "toJSON(%s)",
                        "isNil(%s)",
                        "default(%s, 0)",
                        "asFloat(%s)",
                        "upper(%s)",
                        "split(%s, ',')",
                        "keys(%s)",
                        "reduce(xs, #acc + %s, 0)"))
                .as((a, form) -> String.format(form, a))));
  }

  private static Arbitrary<String> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.of("x", "y", "s", "xs", "m", "m.k", "xs[0]", "nil", "true", "false"),
        Arbitraries.longs().between(0, 1000).map(String::valueOf),
        Arbitraries.of("0.5", "1.5e3", ".25", "0x1F", "1_000", "2.0", "1e-3"),
        Arbitraries.of("'a'", "\"b,c\"", "'\\n'", "\"\\u00e9\"", "`raw`", "'^[a-z]+$'"));
  }
}
