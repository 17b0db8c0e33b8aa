package dev.rollouts.expr;

import dev.rollouts.expr.Node.ArrayLiteral;
import dev.rollouts.expr.Node.Binary;
import dev.rollouts.expr.Node.Call;
import dev.rollouts.expr.Node.Chain;
import dev.rollouts.expr.Node.Conditional;
import dev.rollouts.expr.Node.Identifier;
import dev.rollouts.expr.Node.Let;
import dev.rollouts.expr.Node.Literal;
import dev.rollouts.expr.Node.MapLiteral;
import dev.rollouts.expr.Node.Member;
import dev.rollouts.expr.Node.MethodCall;
import dev.rollouts.expr.Node.Pointer;
import dev.rollouts.expr.Node.Predicate;
import dev.rollouts.expr.Node.Sequence;
import dev.rollouts.expr.Node.Slice;
import dev.rollouts.expr.Node.Unary;
import dev.rollouts.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A precedence-climbing parser with expr-lang's grammar and precedences (expr {@code
 * parser/operator}): {@code |} 0, {@code or ||} 10, {@code and &&} 15, comparisons and {@code in
 * matches contains startsWith endsWith} 20, {@code ..} 25, {@code + -} 30, {@code * / %} 60, unary
 * {@code not !} 50 and {@code - +} 90, {@code ** ^} 100 (right-associative), {@code ??} 500. {@code
 * a < b < c} means {@code a < b && b < c}; {@code ?:} binds loosest.
 */
final class Parser extends TokenCursor {
  /** Deeper than this is refused, so that neither parsing nor evaluation can exhaust the stack. */
  static final int MAX_DEPTH = 400;

  private int predicateDepth;
  private int depth;

  private Parser(String src) {
    super(src, Lexer.lex(src));
  }

  static Node parse(String source) {
    Parser p = new Parser(source);
    Node node = p.sequence();
    if (p.current().kind() != Kind.EOF) {
      throw p.unexpected();
    }
    Depth.check(source, node);
    return node;
  }

  private Node sequence() {
    List<Node> nodes = new ArrayList<>();
    nodes.add(expression(0));
    while (current().isOperator(";")) {
      next();
      if (current().kind() == Kind.EOF) {
        break;
      }
      nodes.add(expression(0));
    }
    return nodes.size() == 1 ? nodes.get(0) : new Sequence(List.copyOf(nodes), nodes.get(0).pos());
  }

  private Node expression(int precedence) {
    if (++depth > MAX_DEPTH) {
      throw error(current().start(), "expression nested too deeply");
    }
    try {
      if (precedence == 0 && current().isOperator("let")) {
        return let();
      }
      if (precedence == 0 && current().isOperator("if")) {
        return ifElse();
      }
      Node left = primary();
      String previous = "";
      while (current().kind() == Kind.OPERATOR) {
        Token op = current();
        boolean negate = op.isOperator("not");
        if (negate) {
          Token following = peek(1);
          if (following.kind() != Kind.OPERATOR
              || !Precedence.NEGATABLE.contains(following.text())) {
            throw error(following.start(), "unexpected " + following.describe());
          }
          if (Precedence.BINARY.get(following.text()) < precedence) {
            break;
          }
          next();
          op = current();
        }
        Integer opPrecedence = Precedence.BINARY.get(op.text());
        if (opPrecedence == null || opPrecedence < precedence) {
          break;
        }
        next();
        if (op.text().equals("|")) {
          Token name = current();
          expect(Kind.IDENTIFIER);
          left = call(name, List.of(left));
        } else {
          if (previous.equals("??") && !op.text().equals("??")) {
            throw error(
                op.start(),
                "Operator ("
                    + op.text()
                    + ") and coalesce expressions (??) cannot be mixed. Wrap either by"
                    + " parentheses.");
          }
          if (Precedence.COMPARISONS.contains(op.text())) {
            left = comparison(left, op, opPrecedence);
          } else {
            boolean right = op.text().equals("**") || op.text().equals("^");
            Node rhs = expression(right ? opPrecedence : opPrecedence + 1);
            left = new Binary(op.text(), left, rhs, op.start());
            if (negate) {
              left = new Unary("not", left, op.start());
            }
          }
        }
        previous = op.text();
      }
      return precedence == 0 ? conditional(left) : left;
    } finally {
      depth--;
    }
  }

  private Node comparison(Node left, Token op, int precedence) {
    Node root = null;
    while (true) {
      Node right = expression(precedence + 1);
      Node cmp = new Binary(op.text(), left, right, op.start());
      root = root == null ? cmp : new Binary("&&", root, cmp, op.start());
      left = right;
      op = current();
      if (op.kind() != Kind.OPERATOR || !Precedence.COMPARISONS.contains(op.text())) {
        return root;
      }
      next();
    }
  }

  private Node conditional(Node node) {
    while (current().isOperator("?")) {
      int pos = current().start();
      next();
      Node then;
      Node otherwise;
      if (current().isOperator(":")) {
        next();
        then = node;
        otherwise = expression(0);
      } else {
        then = expression(0);
        expect(Kind.OPERATOR, ":");
        otherwise = expression(0);
      }
      node = new Conditional(node, then, otherwise, pos);
    }
    return node;
  }

  private Node let() {
    int pos = current().start();
    next();
    Token name = current();
    expect(Kind.IDENTIFIER);
    expect(Kind.OPERATOR, "=");
    Node value = expression(0);
    expect(Kind.OPERATOR, ";");
    return new Let(name.text(), value, sequence(), pos);
  }

  private Node ifElse() {
    int pos = current().start();
    next();
    Node cond = expression(0);
    expect(Kind.BRACKET, "{");
    Node then = sequence();
    expect(Kind.BRACKET, "}");
    expect(Kind.OPERATOR, "else");
    Node otherwise;
    if (current().isOperator("if")) {
      otherwise = ifElse();
    } else {
      expect(Kind.BRACKET, "{");
      otherwise = sequence();
      expect(Kind.BRACKET, "}");
    }
    return new Conditional(cond, then, otherwise, pos);
  }

  private Node primary() {
    Token token = current();
    if (token.kind() == Kind.OPERATOR && Precedence.UNARY.containsKey(token.text())) {
      next();
      Node operand = expression(Precedence.UNARY.get(token.text()));
      return postfix(new Unary(token.text(), operand, token.start()));
    }
    if (token.isBracket("(")) {
      next();
      Node inner = sequence();
      expect(Kind.BRACKET, ")");
      return postfix(inner);
    }
    if (predicateDepth > 0 && (token.isOperator("#") || token.isOperator("."))) {
      String name = "";
      if (token.isOperator("#")) {
        next();
        Token after = current();
        if (after.kind() == Kind.IDENTIFIER && after.start() == token.end()) {
          name = after.text();
          next();
        }
      }
      return postfix(new Pointer(name, token.start()));
    }
    return postfix(secondary());
  }

  private Node secondary() {
    Token token = current();
    switch (token.kind()) {
      case IDENTIFIER -> {
        next();
        return switch (token.text()) {
          case "true" -> new Literal(Boolean.TRUE, token.start());
          case "false" -> new Literal(Boolean.FALSE, token.start());
          case "nil" -> new Literal(null, token.start());
          default ->
              current().isBracket("(")
                  ? call(token, List.of())
                  : new Identifier(token.text(), token.start());
        };
      }
      case NUMBER, STRING -> {
        next();
        return new Literal(token.value(), token.start());
      }
      default -> {
        if (token.isBracket("[")) {
          return array();
        }
        if (token.isBracket("{")) {
          return map();
        }
        throw unexpected();
      }
    }
  }

  private Node call(Token name, List<Node> piped) {
    Builtins.Signature signature = Builtins.signature(name.text());
    if (signature == null) {
      throw error(name.start(), "unknown name " + name.text());
    }
    List<Node> args = new ArrayList<>(piped);
    expect(Kind.BRACKET, "(");
    while (!current().isBracket(")")) {
      if (args.size() > piped.size()) {
        expect(Kind.OPERATOR, ",");
        if (current().isBracket(")")) {
          break;
        }
      }
      args.add(signature.isPredicate(args.size()) ? predicate() : expression(0));
    }
    expect(Kind.BRACKET, ")");
    String problem = signature.checkArity(args.size());
    if (problem != null) {
      throw error(name.start(), problem);
    }
    return new Call(name.text(), List.copyOf(args), name.start());
  }

  private Node predicate() {
    Token start = current();
    predicateDepth++;
    try {
      if (start.isBracket("{")) {
        next();
        Node body = sequence();
        expect(Kind.BRACKET, "}");
        return new Predicate(body, start.start());
      }
      Node body = expression(0);
      if (current().isOperator(";")) {
        throw error(current().start(), "wrap predicate with brackets { and }");
      }
      return new Predicate(body, start.start());
    } finally {
      predicateDepth--;
    }
  }

  private List<Node> arguments() {
    List<Node> args = new ArrayList<>();
    expect(Kind.BRACKET, "(");
    while (!current().isBracket(")")) {
      if (!args.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (current().isBracket(")")) {
          break;
        }
      }
      args.add(expression(0));
    }
    expect(Kind.BRACKET, ")");
    return List.copyOf(args);
  }

  private Node array() {
    int pos = current().start();
    next();
    List<Node> items = new ArrayList<>();
    while (!current().isBracket("]")) {
      if (!items.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (current().isBracket("]")) {
          break;
        }
      }
      items.add(expression(0));
    }
    next();
    return new ArrayLiteral(List.copyOf(items), pos);
  }

  private Node map() {
    int pos = current().start();
    next();
    List<Node> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    while (!current().isBracket("}")) {
      if (!keys.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (current().isBracket("}")) {
          break;
        }
      }
      Token key = current();
      switch (key.kind()) {
        case NUMBER, IDENTIFIER -> {
          keys.add(new Literal(key.text(), key.start()));
          next();
        }
        case STRING -> {
          keys.add(new Literal(key.value(), key.start()));
          next();
        }
        default -> {
          if (!key.isBracket("(")) {
            throw error(
                key.start(),
                "a map key must be a quoted string, a number, a identifier, or an expression"
                    + " enclosed in parentheses (unexpected "
                    + key.describe()
                    + ")");
          }
          keys.add(expression(0));
        }
      }
      expect(Kind.OPERATOR, ":");
      values.add(expression(0));
    }
    next();
    return new MapLiteral(List.copyOf(keys), List.copyOf(values), pos);
  }

  private Node postfix(Node node) {
    while (true) {
      Token token = current();
      boolean optional = token.isOperator("?.");
      if (optional || token.isOperator(".")) {
        next();
        if (optional && current().isBracket("[")) {
          node = index(node, true);
          continue;
        }
        Token property = current();
        if (property.kind() != Kind.IDENTIFIER
            && !(property.kind() == Kind.OPERATOR
                && Lexer.isIdentifierStart(property.text().charAt(0)))) {
          throw error(property.start(), "expected name");
        }
        next();
        boolean chained = node instanceof Chain;
        Node object = chained ? ((Chain) node).node() : node;
        Node member;
        if (current().isBracket("(")) {
          member = new MethodCall(object, property.text(), arguments(), property.start());
        } else {
          Literal name = new Literal(property.text(), property.start());
          member = new Member(object, name, optional, property.start());
        }
        node = chained || optional ? new Chain(member, property.start()) : member;
      } else if (token.isBracket("[")) {
        node = index(node, false);
      } else {
        return node;
      }
    }
  }

  /** {@code [i]}, {@code [a:b]}, {@code [:b]}, {@code [a:]}, {@code [:]}, after the object. */
  private Node index(Node node, boolean optional) {
    int pos = current().start();
    next();
    boolean chained = node instanceof Chain;
    Node object = chained ? ((Chain) node).node() : node;
    Node result;
    if (current().isOperator(":")) {
      next();
      Node to = current().isBracket("]") ? null : expression(0);
      result = new Slice(object, null, to, pos);
    } else {
      Node from = expression(0);
      if (current().isOperator(":")) {
        next();
        Node to = current().isBracket("]") ? null : expression(0);
        result = new Slice(object, from, to, pos);
      } else {
        result = new Member(object, from, optional, pos);
      }
    }
    expect(Kind.BRACKET, "]");
    return chained || optional ? new Chain(result, pos) : result;
  }
}
