package dev.rollouts.notifications.template;

import java.util.List;

/** The parse tree, as Go's {@code text/template/parse} node types. */
sealed interface Node {

  /** Offset of the node in the template source, for error messages. */
  int offset();

  record ListNode(List<Node> nodes, int offset) implements Node {}

  record TextNode(String text, int offset) implements Node {}

  record ActionNode(Pipeline pipe, int offset) implements Node {}

  /** {@code if}, {@code range} and {@code with}: the pipeline, its body and the else branch. */
  record BranchNode(Kind kind, Pipeline pipe, ListNode list, ListNode elseList, int offset)
      implements Node {
    enum Kind {
      IF,
      RANGE,
      WITH
    }
  }

  record TemplateNode(String name, Pipeline pipe, int offset) implements Node {}

  record BreakNode(int offset) implements Node {}

  record ContinueNode(int offset) implements Node {}

  /** A pipeline: optional variable declarations ({@code :=}) or assignments ({@code =}). */
  record Pipeline(List<String> decls, boolean assign, List<Command> commands, int offset) {}

  /** One command of a pipeline: a function or operand and its arguments. */
  record Command(List<Arg> args, int offset) {}

  /** An operand of a command. */
  sealed interface Arg {
    int offset();

    /** The argument as it appeared in the source, for {@code at <…>} in error messages. */
    String text();
  }

  record FieldArg(List<String> idents, String text, int offset) implements Arg {}

  record VariableArg(String name, List<String> idents, String text, int offset) implements Arg {}

  record ChainArg(Arg base, List<String> idents, String text, int offset) implements Arg {}

  record IdentifierArg(String name, String text, int offset) implements Arg {}

  record PipeArg(Pipeline pipe, String text, int offset) implements Arg {}

  record DotArg(String text, int offset) implements Arg {}

  record NilArg(String text, int offset) implements Arg {}

  /** A literal: string, number, bool or char, already converted to its value. */
  record ConstArg(Object value, String text, int offset) implements Arg {}
}
