package dev.rollouts.expr;

import java.util.Map;

/** A compiled node: evaluates against one evaluation's {@link Scope}. */
@FunctionalInterface
interface Code {
  Object run(Scope scope);

  /**
   * The state of one evaluation: the caller's variables and the slots of {@code let} names and
   * predicate pointers ({@code #}, {@code #index}, {@code #acc}), numbered when compiling.
   */
  final class Scope {
    final Map<String, ?> variables;
    final Object[] slots;

    Scope(Map<String, ?> variables, int slots) {
      this.variables = variables;
      this.slots = new Object[slots];
    }
  }
}
