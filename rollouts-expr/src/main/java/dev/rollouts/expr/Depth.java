package dev.rollouts.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Refuses trees deeper than {@link Parser#MAX_DEPTH}, so that a long chain such as {@code 1+1+…}
 * (which the parser builds in a loop, not by recursion) cannot overflow the evaluator's stack.
 * Walks the tree with an explicit stack, for the same reason.
 */
final class Depth {
  private Depth() {}

  static void check(String source, Node root) {
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int depth = depths.pop();
      if (depth > Parser.MAX_DEPTH) {
        throw new ExpressionSyntaxException(source, node.pos(), "expression nested too deeply");
      }
      for (Node child : children(node)) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }

  static List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    if (node instanceof Node.Member m) {
      out.add(m.object());
      out.add(m.property());
    } else if (node instanceof Node.Slice s) {
      out.add(s.object());
      addIfPresent(out, s.from());
      addIfPresent(out, s.to());
    } else if (node instanceof Node.Chain c) {
      out.add(c.node());
    } else if (node instanceof Node.Unary u) {
      out.add(u.operand());
    } else if (node instanceof Node.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (node instanceof Node.Conditional c) {
      out.add(c.cond());
      out.add(c.then());
      out.add(c.otherwise());
    } else if (node instanceof Node.ArrayLiteral a) {
      out.addAll(a.items());
    } else if (node instanceof Node.MapLiteral m) {
      out.addAll(m.keys());
      out.addAll(m.values());
    } else if (node instanceof Node.Call c) {
      out.addAll(c.args());
    } else if (node instanceof Node.MethodCall m) {
      out.add(m.object());
      out.addAll(m.args());
    } else if (node instanceof Node.Predicate p) {
      out.add(p.body());
    } else if (node instanceof Node.Let l) {
      out.add(l.value());
      out.add(l.body());
    } else if (node instanceof Node.Sequence s) {
      out.addAll(s.nodes());
    }
    return out;
  }

  private static void addIfPresent(List<Node> out, Node node) {
    if (node != null) {
      out.add(node);
    }
  }
}
