package dev.rollouts.expr;

import java.util.List;

/**
 * The syntax tree. Every node records {@code pos}, the 0-based offset of the token it came from,
 * for messages. The tree is immutable; {@link Printer} turns it back into source text.
 */
sealed interface Node {
  int pos();

  /** {@code nil}, {@code true}/{@code false}, an int ({@link Long}), a float or a string. */
  record Literal(Object value, int pos) implements Node {}

  /** A variable: a key of the variables map, or a {@code let} name. */
  record Identifier(String name, int pos) implements Node {}

  /**
   * {@code #} (name ""), {@code #acc}, {@code #index} inside a predicate; {@code .x} is {@code
   * #.x}.
   */
  record Pointer(String name, int pos) implements Node {}

  /** {@code a.b}, {@code a["b"]}, {@code a[0]}; {@code a?.b} when optional. */
  record Member(Node object, Node property, boolean optional, int pos) implements Node {}

  /** {@code a[from:to]}; either bound may be absent (null). */
  record Slice(Node object, Node from, Node to, int pos) implements Node {}

  /** The root of a chain with {@code ?.}: a nil met along the chain makes the whole chain nil. */
  record Chain(Node node, int pos) implements Node {}

  /** {@code -x}, {@code +x}, {@code not x}, {@code !x}. */
  record Unary(String op, Node operand, int pos) implements Node {}

  /** Every binary operator, {@code and}/{@code &&} spelled as written. */
  record Binary(String op, Node left, Node right, int pos) implements Node {}

  /** {@code cond ? then : otherwise}, and {@code if cond { then } else { otherwise }}. */
  record Conditional(Node cond, Node then, Node otherwise, int pos) implements Node {}

  record ArrayLiteral(List<Node> items, int pos) implements Node {}

  /** Keys are nodes: a bare word or a number is a string key; {@code (expr)} is computed. */
  record MapLiteral(List<Node> keys, List<Node> values, int pos) implements Node {}

  /** A built-in function call, {@code len(x)}; predicates appear as {@link Predicate} args. */
  record Call(String name, List<Node> args, int pos) implements Node {}

  /** {@code a.b(args)}: a method call, which plain data values do not have. */
  record MethodCall(Node object, String method, List<Node> args, int pos) implements Node {}

  /** A closure argument: {@code {# > 1}} or, without braces, {@code # > 1}. */
  record Predicate(Node body, int pos) implements Node {}

  /** {@code let name = value; body}. */
  record Let(String name, Node value, Node body, int pos) implements Node {}

  /** {@code a; b}: evaluates each, yields the last. */
  record Sequence(List<Node> nodes, int pos) implements Node {}
}
