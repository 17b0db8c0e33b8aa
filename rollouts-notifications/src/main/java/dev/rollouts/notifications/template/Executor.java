package dev.rollouts.notifications.template;

import dev.rollouts.notifications.template.Node.ActionNode;
import dev.rollouts.notifications.template.Node.Arg;
import dev.rollouts.notifications.template.Node.BranchNode;
import dev.rollouts.notifications.template.Node.BreakNode;
import dev.rollouts.notifications.template.Node.ChainArg;
import dev.rollouts.notifications.template.Node.Command;
import dev.rollouts.notifications.template.Node.ConstArg;
import dev.rollouts.notifications.template.Node.ContinueNode;
import dev.rollouts.notifications.template.Node.DotArg;
import dev.rollouts.notifications.template.Node.FieldArg;
import dev.rollouts.notifications.template.Node.IdentifierArg;
import dev.rollouts.notifications.template.Node.ListNode;
import dev.rollouts.notifications.template.Node.NilArg;
import dev.rollouts.notifications.template.Node.PipeArg;
import dev.rollouts.notifications.template.Node.Pipeline;
import dev.rollouts.notifications.template.Node.TemplateNode;
import dev.rollouts.notifications.template.Node.TextNode;
import dev.rollouts.notifications.template.Node.VariableArg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a parse tree over the data, as Go's {@code text/template/exec.go} does with {@code
 * missingkey=default}: a missing key is the invalid value (prints {@code <no value>}, is false in
 * {@code if}), a field of the invalid value is the invalid value, a field of nil is an error.
 */
final class Executor {

  private static final Object NO_FINAL = new Object();
  private static final int MAX_DEPTH = 10_000;

  private static final class Break extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Break() {
      super(null, null, false, false);
    }
  }

  private static final class Continue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Continue() {
      super(null, null, false, false);
    }
  }

  private record Variable(String name, Object value) {}

  private final GoTemplate template;
  private final StringBuilder out = new StringBuilder();
  private List<Variable> vars = new ArrayList<>();
  private int depth;
  private int at;

  private Executor(GoTemplate template) {
    this.template = template;
  }

  static String execute(GoTemplate template, Object data) {
    Executor executor = new Executor(template);
    executor.vars.add(new Variable("$", data));
    executor.walk(data, template.root());
    return executor.out.toString();
  }

  private void walk(Object dot, Node node) {
    at = node.offset();
    if (node instanceof TextNode text) {
      out.append(text.text());
    } else if (node instanceof ListNode list) {
      for (Node child : list.nodes()) {
        walk(dot, child);
      }
    } else if (node instanceof ActionNode action) {
      Object value = evalPipeline(dot, action.pipe());
      if (action.pipe().decls().isEmpty()) {
        print(value);
      }
    } else if (node instanceof BranchNode branch) {
      if (branch.kind() == BranchNode.Kind.RANGE) {
        walkRange(dot, branch);
      } else {
        walkIfOrWith(dot, branch);
      }
    } else if (node instanceof TemplateNode call) {
      walkTemplate(dot, call);
    } else if (node instanceof BreakNode) {
      throw new Break();
    } else if (node instanceof ContinueNode) {
      throw new Continue();
    }
  }

  private void print(Object value) {
    if (value instanceof GoFunction) {
      throw error("can't print " + "value of type func");
    }
    Printer.appendV(out, value);
  }

  private void walkIfOrWith(Object dot, BranchNode branch) {
    int mark = vars.size();
    Object value = evalPipeline(dot, branch.pipe());
    if (Values.isTrue(value)) {
      walk(branch.kind() == BranchNode.Kind.WITH ? value : dot, branch.list());
    } else if (branch.elseList() != null) {
      walk(dot, branch.elseList());
    }
    pop(mark);
  }

  private void walkRange(Object dot, BranchNode branch) {
    int outer = vars.size();
    Object value = evalPipeline(dot, branch.pipe());
    int mark = vars.size();
    List<Object[]> items = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        items.add(new Object[] {(long) i, list.get(i)});
      }
    } else if (value instanceof Map<?, ?> map) {
      Printer.sorted(map).forEach((k, v) -> items.add(new Object[] {k, v}));
    } else if (value instanceof Long n) {
      if (branch.pipe().decls().size() > 1) {
        throw error("can't use " + n + " to iterate over more than one variable");
      }
      for (long i = 0; i < n; i++) {
        items.add(new Object[] {i, i});
      }
    } else if (value != Values.MISSING) {
      throw error("range can't iterate over " + Printer.formatV(value));
    }
    if (items.isEmpty()) {
      if (branch.elseList() != null) {
        walk(dot, branch.elseList());
      }
      pop(outer);
      return;
    }
    List<String> decls = branch.pipe().decls();
    try {
      for (Object[] item : items) {
        if (!decls.isEmpty()) {
          if (branch.pipe().assign()) {
            setVar(decls.get(decls.size() - 1), item[1]);
            if (decls.size() > 1) {
              setVar(decls.get(0), item[0]);
            }
          } else {
            vars.set(mark - 1, new Variable(decls.get(decls.size() - 1), item[1]));
            if (decls.size() > 1) {
              vars.set(mark - 2, new Variable(decls.get(0), item[0]));
            }
          }
        }
        try {
          walk(item[1], branch.list());
        } catch (Continue c) {
          // next iteration
        } finally {
          pop(mark);
        }
      }
    } catch (Break b) {
      // leave the loop
    }
    pop(outer);
  }

  private void walkTemplate(Object dot, TemplateNode call) {
    Node.ListNode body = template.defined().get(call.name());
    if (body == null) {
      throw error(
          "template: no template \""
              + call.name()
              + "\" associated with template \""
              + template.name()
              + "\"");
    }
    if (++depth > MAX_DEPTH) {
      throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = call.pipe() == null ? null : evalPipeline(dot, call.pipe());
    List<Variable> saved = vars;
    vars = new ArrayList<>();
    vars.add(new Variable("$", newDot));
    walk(newDot, body);
    vars = saved;
    depth--;
  }

  private void pop(int mark) {
    while (vars.size() > mark) {
      vars.remove(vars.size() - 1);
    }
  }

  private void setVar(String name, Object value) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        vars.set(i, new Variable(name, value));
        return;
      }
    }
    throw error("undefined variable: " + name);
  }

  private Object varValue(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        return vars.get(i).value();
      }
    }
    throw error("undefined variable: " + name);
  }

  private Object evalPipeline(Object dot, Pipeline pipe) {
    Object value = NO_FINAL;
    for (Command command : pipe.commands()) {
      value = evalCommand(dot, command, value);
    }
    for (String decl : pipe.decls()) {
      if (pipe.assign()) {
        setVar(decl, value);
      } else {
        vars.add(new Variable(decl, value));
      }
    }
    return value;
  }

  private Object evalCommand(Object dot, Command command, Object last) {
    Arg first = command.args().get(0);
    List<Arg> args = command.args();
    at = first.offset();
    if (first instanceof FieldArg field) {
      return evalFieldChain(dot, dot, field.idents(), args, last);
    }
    if (first instanceof ChainArg chain) {
      return evalChain(dot, chain, args, last);
    }
    if (first instanceof IdentifierArg identifier) {
      return evalFunction(dot, identifier.name(), command, last);
    }
    if (first instanceof VariableArg variable) {
      return evalVariable(dot, variable, args, last);
    }
    if (first instanceof PipeArg pipe) {
      notAFunction(args, last);
      int mark = vars.size();
      Object value = evalPipeline(dot, pipe.pipe());
      pop(mark);
      return value;
    }
    notAFunction(args, last);
    if (first instanceof DotArg) {
      return dot;
    }
    if (first instanceof NilArg) {
      throw error("nil is not a command");
    }
    return ((ConstArg) first).value();
  }

  private void notAFunction(List<Arg> args, Object last) {
    if (args.size() > 1 || last != NO_FINAL) {
      throw error("can't give argument to non-function " + args.get(0).text());
    }
  }

  private Object evalVariable(Object dot, VariableArg variable, List<Arg> args, Object last) {
    Object value = varValue(variable.name());
    if (variable.idents().isEmpty()) {
      notAFunction(args, last);
      return value;
    }
    return evalFieldChain(dot, value, variable.idents(), args, last);
  }

  private Object evalChain(Object dot, ChainArg chain, List<Arg> args, Object last) {
    if (chain.base() instanceof NilArg) {
      throw error("indirection through explicit nil in " + chain.text());
    }
    Object base = evalArg(dot, chain.base());
    return evalFieldChain(dot, base, chain.idents(), args, last);
  }

  private Object evalFieldChain(
      Object dot, Object receiver, List<String> idents, List<Arg> args, Object last) {
    Object value = receiver;
    for (int i = 0; i < idents.size() - 1; i++) {
      value = evalField(dot, idents.get(i), List.of(), NO_FINAL, value);
    }
    return evalField(dot, idents.get(idents.size() - 1), args, last, value);
  }

  private Object evalField(Object dot, String name, List<Arg> args, Object last, Object receiver) {
    if (receiver == Values.MISSING) {
      return Values.MISSING;
    }
    boolean hasArgs = args.size() > 1 || last != NO_FINAL;
    if (receiver instanceof MethodReceiver methods) {
      List<Object> argv = new ArrayList<>();
      for (int i = 1; i < args.size(); i++) {
        argv.add(evalArg(dot, args.get(i)));
      }
      if (last != NO_FINAL) {
        argv.add(last);
      }
      try {
        return methods.invoke(name, argv);
      } catch (NoSuchMethodError e) {
        throw error("can't evaluate field " + name + " in type " + Printer.typeName(receiver));
      } catch (Values.ArgumentException e) {
        throw error(e.getMessage());
      } catch (Exception e) {
        throw error("error calling " + name + ": " + e.getMessage());
      }
    }
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      return map.containsKey(name) ? map.get(name) : Values.MISSING;
    }
    if (receiver == null) {
      throw error("nil pointer evaluating interface {}." + name);
    }
    throw error("can't evaluate field " + name + " in type " + Printer.typeName(receiver));
  }

  private Object evalFunction(Object dot, String name, Command command, Object last) {
    List<Arg> args = command.args();
    if (name.equals("and") || name.equals("or")) {
      if (args.size() < 2 && last == NO_FINAL) {
        throw error("wrong number of args for " + name + ": want at least 1 got 0");
      }
      Object value = null;
      for (int i = 1; i < args.size(); i++) {
        value = evalArg(dot, args.get(i));
        if (Values.isTrue(value) == name.equals("or")) {
          return value;
        }
      }
      return last != NO_FINAL ? last : value;
    }
    Function function = template.functions().get(name);
    List<Object> argv = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      argv.add(evalArg(dot, args.get(i)));
    }
    if (last != NO_FINAL) {
      argv.add(last);
    }
    String text = commandText(command);
    try {
      return function.apply(argv);
    } catch (Values.ArgumentException e) {
      throw errorAt(text, e.getMessage());
    } catch (TemplateException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw errorAt(text, "error calling " + name + ": " + e.getMessage());
    }
  }

  private static String commandText(Command command) {
    List<String> parts = new ArrayList<>();
    for (Arg arg : command.args()) {
      parts.add(arg.text());
    }
    return String.join(" ", parts);
  }

  private Object evalArg(Object dot, Arg arg) {
    at = arg.offset();
    if (arg instanceof FieldArg field) {
      return evalFieldChain(dot, dot, field.idents(), List.of(arg), NO_FINAL);
    }
    if (arg instanceof VariableArg variable) {
      return evalVariable(dot, variable, List.of(arg), NO_FINAL);
    }
    if (arg instanceof PipeArg pipe) {
      int mark = vars.size();
      Object value = evalPipeline(dot, pipe.pipe());
      pop(mark);
      return value;
    }
    if (arg instanceof IdentifierArg identifier) {
      return evalFunction(
          dot, identifier.name(), new Command(List.of(arg), arg.offset()), NO_FINAL);
    }
    if (arg instanceof ChainArg chain) {
      return evalChain(dot, chain, List.of(arg), NO_FINAL);
    }
    if (arg instanceof DotArg) {
      return dot;
    }
    if (arg instanceof NilArg) {
      return null;
    }
    return ((ConstArg) arg).value();
  }

  private TemplateException error(String message) {
    return errorAt(null, message);
  }

  private TemplateException errorAt(String node, String message) {
    String where = Positions.context(template.name(), template.source(), at);
    String context = node == null ? "" : " at <" + node + ">";
    return new TemplateException(
        "template: "
            + where
            + ": executing \""
            + template.name()
            + "\""
            + context
            + ": "
            + message);
  }
}
