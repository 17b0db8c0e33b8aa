package dev.rollouts.expr;

import java.time.Instant;
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

    /** What {@code now()} answers; null when the caller gave no time. */
    final Instant now;

    Scope(Map<String, ?> variables, int slots, Instant now) {
      this.variables = variables;
      this.slots = new Object[slots];
      this.now = now;
    }
  }
}
