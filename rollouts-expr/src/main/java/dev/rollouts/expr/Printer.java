package dev.rollouts.expr;

import java.util.List;

/**
 * Prints a syntax tree back as source that parses to the same tree: every operator parenthesised,
 * strings double-quoted with Go escapes, floats in a form that reads back exactly. Used by the
 * round-trip property ({@code parse(print(parse(s)))} prints the same) and handy when debugging how
 * a condition was understood.
 */
final class Printer {
  private Printer() {}

  static String print(Node node) {
    StringBuilder out = new StringBuilder();
    print(node, out);
    return out.toString();
  }

  private static void print(Node node, StringBuilder out) {
    if (node instanceof Node.Literal l) {
      literal(l.value(), out);
    } else if (node instanceof Node.Identifier i) {
      out.append(i.name());
    } else if (node instanceof Node.Pointer p) {
      out.append('#').append(p.name());
    } else if (node instanceof Node.Member m) {
      object(m.object(), out);
      if (m.property() instanceof Node.Literal l
          && l.value() instanceof String name
          && isIdentifier(name)) {
        out.append(m.optional() ? "?." : ".").append(name);
      } else {
        out.append(m.optional() ? "?.[" : "[");
        print(m.property(), out);
        out.append(']');
      }
    } else if (node instanceof Node.Slice s) {
      object(s.object(), out);
      out.append('[');
      if (s.from() != null) {
        print(s.from(), out);
      }
      out.append(':');
      if (s.to() != null) {
        print(s.to(), out);
      }
      out.append(']');
    } else if (node instanceof Node.Chain c) {
      print(c.node(), out);
    } else if (node instanceof Node.Unary u) {
      out.append('(').append(u.op()).append(u.op().equals("not") ? " " : "");
      print(u.operand(), out);
      out.append(')');
    } else if (node instanceof Node.Binary b) {
      out.append('(');
      print(b.left(), out);
      out.append(' ').append(b.op()).append(' ');
      print(b.right(), out);
      out.append(')');
    } else if (node instanceof Node.Conditional c) {
      out.append('(');
      print(c.cond(), out);
      out.append(" ? ");
      print(c.then(), out);
      out.append(" : ");
      print(c.otherwise(), out);
      out.append(')');
    } else if (node instanceof Node.ArrayLiteral a) {
      out.append('[');
      list(a.items(), out);
      out.append(']');
    } else if (node instanceof Node.MapLiteral m) {
      out.append('{');
      for (int i = 0; i < m.keys().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        Node key = m.keys().get(i);
        if (key instanceof Node.Literal l && l.value() instanceof String s) {
          out.append(Strings.quote(s));
        } else {
          out.append('(');
          print(key, out);
          out.append(')');
        }
        out.append(": ");
        print(m.values().get(i), out);
      }
      out.append('}');
    } else if (node instanceof Node.Call c) {
      out.append(c.name()).append('(');
      list(c.args(), out);
      out.append(')');
    } else if (node instanceof Node.MethodCall m) {
      object(m.object(), out);
      out.append('.').append(m.method()).append('(');
      list(m.args(), out);
      out.append(')');
    } else if (node instanceof Node.Predicate p) {
      out.append('{');
      print(p.body(), out);
      out.append('}');
    } else if (node instanceof Node.Let l) {
      out.append("(let ").append(l.name()).append(" = ");
      print(l.value(), out);
      out.append("; ");
      print(l.body(), out);
      out.append(')');
    } else if (node instanceof Node.Sequence s) {
      out.append('(');
      for (int i = 0; i < s.nodes().size(); i++) {
        if (i > 0) {
          out.append("; ");
        }
        print(s.nodes().get(i), out);
      }
      out.append(')');
    }
  }

  /**
   * The object of {@code .x} or {@code [i]}: a number is parenthesised ({@code (1).x}, not 1.x).
   */
  private static void object(Node node, StringBuilder out) {
    if (node instanceof Node.Literal l && l.value() instanceof Number) {
      out.append('(');
      print(node, out);
      out.append(')');
    } else {
      print(node, out);
    }
  }

  private static void list(List<Node> nodes, StringBuilder out) {
    for (int i = 0; i < nodes.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      print(nodes.get(i), out);
    }
  }

  private static void literal(Object value, StringBuilder out) {
    if (value == null) {
      out.append("nil");
    } else if (value instanceof String s) {
      out.append(Strings.quote(s));
    } else if (value instanceof Double d) {
      out.append(Double.toString(d));
    } else {
      out.append(value);
    }
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Lexer.isIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Lexer.isIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
