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
import dev.rollouts.expr.Node.Sequence;
import dev.rollouts.expr.Node.Slice;
import dev.rollouts.expr.Node.Unary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a syntax tree into a tree of closures, once per expression, so that evaluating is a walk of
 * pre-resolved steps: {@code let} names and predicate pointers become slot numbers, constant
 * regular expressions are compiled, and each operator is bound to its implementation.
 *
 * <p>It also tracks which operands have a <em>static type</em>, to reproduce expr's compile-time
 * check of {@code ==}: Argo compiles with the variables' values as the environment, so literals,
 * variables and the results of operators and typed built-ins have known types, while members of
 * maps and list elements are {@code interface{}}. {@code ==} between two operands of known,
 * different kinds is an error there ({@code asFloat(result) == "1.1"}: {@code invalid operation: ==
 * (mismatched types float64 and string)}); with an unknown side it is simply false.
 */
final class Compiler {
  /** A compiled node and whether expr would know its type when compiling. */
  record Compiled(Code code, boolean typed) {}

  private final String source;
  private final Deque<Map<String, Integer>> lets = new ArrayDeque<>();
  private final Map<String, Compiled> letTypes = new HashMap<>();
  private final Deque<Integer> pointers = new ArrayDeque<>();
  private int slots;

  private Compiler(String source) {
    this.source = source;
  }

  /** The compiled expression and the number of slots one evaluation needs. */
  record Program(Code code, int slots) {}

  static Program compile(String source, Node root) {
    Compiler c = new Compiler(source);
    Code code = c.compile(root).code();
    return new Program(code, c.slots);
  }

  Compiled compile(Node node) {
    if (node instanceof Literal l) {
      Object value = l.value();
      return new Compiled(s -> value, true);
    } else if (node instanceof Identifier i) {
      return identifier(i);
    } else if (node instanceof Member m) {
      return new Compiled(member(m), false);
    } else if (node instanceof Chain c) {
      Code inner = compile(c.node()).code();
      return new Compiled(
          s -> {
            try {
              return inner.run(s);
            } catch (Access.NilInChain e) {
              return null;
            }
          },
          false);
    } else if (node instanceof Binary b) {
      return Binaries.compile(this, b);
    } else if (node instanceof Unary u) {
      return unary(u);
    } else if (node instanceof Conditional c) {
      return conditional(c);
    } else if (node instanceof Call c) {
      return Builtins.compile(this, c);
    } else if (node instanceof Pointer p) {
      return new Compiled(pointer(p), false);
    } else if (node instanceof Slice s) {
      return new Compiled(slice(s), false);
    } else if (node instanceof ArrayLiteral a) {
      return new Compiled(array(a), true);
    } else if (node instanceof MapLiteral m) {
      return new Compiled(map(m), true);
    } else if (node instanceof MethodCall m) {
      return new Compiled(methodCall(m), false);
    } else if (node instanceof Let l) {
      return let(l);
    } else if (node instanceof Sequence q) {
      return sequence(q);
    }
    throw new IllegalStateException("no predicate outside a call: " + node);
  }

  private Compiled identifier(Identifier i) {
    String name = i.name();
    for (Map<String, Integer> frame : lets) {
      Integer slot = frame.get(name);
      if (slot != null) {
        int at = slot;
        return new Compiled(s -> s.slots[at], letTypes.get(name).typed());
      }
    }
    if (name.equals("$env")) {
      return new Compiled(s -> s.variables, true);
    }
    return new Compiled(
        s -> {
          Object value = s.variables.get(name);
          if (value == null && !s.variables.containsKey(name)) {
            throw new ExpressionEvaluationException("unknown name " + name);
          }
          return Values.normalize(value);
        },
        true);
  }

  private Code member(Member m) {
    Code object = compile(m.object()).code();
    boolean optional = m.optional();
    if (m.property() instanceof Literal l && l.value() instanceof String key) {
      return s -> Access.fetch(object.run(s), key, optional);
    }
    Code property = compile(m.property()).code();
    return s -> Access.fetch(object.run(s), property.run(s), optional);
  }

  private Code slice(Slice node) {
    Code object = compile(node.object()).code();
    Code from = node.from() == null ? null : compile(node.from()).code();
    Code to = node.to() == null ? null : compile(node.to()).code();
    return s ->
        Access.slice(
            object.run(s), from == null ? null : from.run(s), to == null ? null : to.run(s));
  }

  private Compiled unary(Unary u) {
    Compiled operand = compile(u.operand());
    Code code = operand.code();
    return switch (u.op()) {
      case "not", "!" ->
          new Compiled(
              s -> {
                Object v = code.run(s);
                if (v instanceof Boolean b) {
                  return !b;
                }
                throw new ExpressionEvaluationException(
                    "invalid operation: "
                        + u.op()
                        + " (mismatched type "
                        + Values.typeName(v)
                        + ")");
              },
              true);
      case "-" -> new Compiled(s -> Operators.negate(code.run(s)), operand.typed());
      default ->
          new Compiled(
              s -> {
                Object v = code.run(s);
                if (Values.isNumber(v)) {
                  return v;
                }
                throw new ExpressionEvaluationException(
                    "invalid operation: + (mismatched type " + Values.typeName(v) + ")");
              },
              operand.typed());
    };
  }

  private Compiled conditional(Conditional c) {
    Code cond = compile(c.cond()).code();
    Compiled then = compile(c.then());
    Compiled otherwise = compile(c.otherwise());
    Code a = then.code();
    Code b = otherwise.code();
    return new Compiled(
        s -> {
          Object v = cond.run(s);
          if (v instanceof Boolean bool) {
            return bool ? a.run(s) : b.run(s);
          }
          throw new ExpressionEvaluationException(
              "non-bool expression (type " + Values.typeName(v) + ") used as condition");
        },
        then.typed() && otherwise.typed());
  }

  private Code array(ArrayLiteral a) {
    List<Code> items = codes(a.items());
    return s -> {
      List<Object> out = new ArrayList<>(items.size());
      for (Code item : items) {
        out.add(item.run(s));
      }
      return Collections.unmodifiableList(out);
    };
  }

  private Code map(MapLiteral m) {
    List<Code> keys = codes(m.keys());
    List<Code> values = codes(m.values());
    return s -> {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Object key = keys.get(i).run(s);
        if (!(key instanceof String k)) {
          throw new ExpressionEvaluationException(
              "cannot use " + Values.typeName(key) + " as a map key");
        }
        out.put(k, values.get(i).run(s));
      }
      return Collections.unmodifiableMap(out);
    };
  }

  /**
   * {@code t.Sub(u)}, {@code d.Minutes()}: Go's methods on times and durations; and {@code
   * m.f(args)} where the map entry {@code f} is a {@link java.util.function.Function} of the
   * argument list, which is how a caller offers functions such as notifications' {@code
   * time.Now()}. Anything else has no methods.
   */
  private Code methodCall(MethodCall m) {
    Code object = compile(m.object()).code();
    Code[] args = codes(m.args()).toArray(Code[]::new);
    String method = m.method();
    return s -> {
      Object target = object.run(s);
      Object[] values = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i].run(s);
      }
      if (target instanceof java.time.Instant || target instanceof java.time.Duration) {
        return GoTimes.call(target, method, values);
      }
      if (target instanceof Map<?, ?> map
          && map.get(method) instanceof java.util.function.Function<?, ?> fn) {
        @SuppressWarnings("unchecked")
        java.util.function.Function<List<Object>, ?> f =
            (java.util.function.Function<List<Object>, ?>) fn;
        Object result;
        try {
          result = f.apply(Collections.unmodifiableList(java.util.Arrays.asList(values)));
        } catch (ExpressionException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new ExpressionEvaluationException(method + ": " + e.getMessage());
        }
        return Values.normalize(result);
      }
      throw GoTimes.noMethod(target, method);
    };
  }

  private Compiled let(Let l) {
    Compiled value = compile(l.value());
    int slot = slots++;
    lets.push(Map.of(l.name(), slot));
    Compiled previous = letTypes.put(l.name(), value);
    Compiled body = compile(l.body());
    lets.pop();
    if (previous != null) {
      letTypes.put(l.name(), previous);
    }
    Code v = value.code();
    Code b = body.code();
    return new Compiled(
        s -> {
          s.slots[slot] = v.run(s);
          return b.run(s);
        },
        body.typed());
  }

  private Compiled sequence(Sequence q) {
    List<Compiled> compiled = new ArrayList<>();
    for (Node n : q.nodes()) {
      compiled.add(compile(n));
    }
    Code[] nodes = compiled.stream().map(Compiled::code).toArray(Code[]::new);
    return new Compiled(
        s -> {
          Object result = null;
          for (Code node : nodes) {
            result = node.run(s);
          }
          return result;
        },
        compiled.get(compiled.size() - 1).typed());
  }

  private Code pointer(Pointer p) {
    int base = pointers.isEmpty() ? -1 : pointers.peek();
    if (base < 0) {
      throw new ExpressionSyntaxException(
          source, p.pos(), "cannot use pointer accessor outside predicate");
    }
    int slot =
        switch (p.name()) {
          case "" -> base;
          case "index" -> base + 1;
          case "acc" -> base + 2;
          default ->
              throw new ExpressionSyntaxException(source, p.pos(), "unknown pointer #" + p.name());
        };
    return s -> s.slots[slot];
  }

  /**
   * Compiles a predicate body with three fresh slots for its element, index and accumulator;
   * returns the body and the first slot.
   */
  Predicates.Closure predicate(Node.Predicate p) {
    int base = slots;
    slots += 3;
    pointers.push(base);
    Code body = compile(p.body()).code();
    pointers.pop();
    return new Predicates.Closure(body, base);
  }

  List<Code> codes(List<Node> nodes) {
    List<Code> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      out.add(compile(n).code());
    }
    return out;
  }

  String source() {
    return source;
  }
}
