package dev.rollouts.expr;

import java.util.Map;
import java.util.Set;

/**
 * expr-lang's operator precedences ({@code parser/operator/operator.go}): higher binds tighter. All
 * binary operators associate to the left except {@code **} and {@code ^}.
 */
final class Precedence {
  private Precedence() {}

  static final Map<String, Integer> BINARY =
      Map.ofEntries(
          Map.entry("|", 0),
          Map.entry("or", 10),
          Map.entry("||", 10),
          Map.entry("and", 15),
          Map.entry("&&", 15),
          Map.entry("==", 20),
          Map.entry("!=", 20),
          Map.entry("<", 20),
          Map.entry(">", 20),
          Map.entry(">=", 20),
          Map.entry("<=", 20),
          Map.entry("in", 20),
          Map.entry("matches", 20),
          Map.entry("contains", 20),
          Map.entry("startsWith", 20),
          Map.entry("endsWith", 20),
          Map.entry("..", 25),
          Map.entry("+", 30),
          Map.entry("-", 30),
          Map.entry("*", 60),
          Map.entry("/", 60),
          Map.entry("%", 60),
          Map.entry("**", 100),
          Map.entry("^", 100),
          Map.entry("??", 500));
  static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);
  static final Set<String> NEGATABLE =
      Set.of("in", "matches", "contains", "startsWith", "endsWith");
  static final Set<String> COMPARISONS = Set.of("<", ">", "<=", ">=");
}
