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
import dev.rollouts.notifications.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for Go's template grammar ({@code text/template/parse/parse.go}):
 * actions, pipelines with declarations, {@code if}/{@code else if}/{@code range}/{@code with} with
 * {@code else}, {@code define}/{@code template}/{@code block}, {@code break} and {@code continue}.
 * Undefined variables and functions are parse errors, as in Go.
 */
final class Parser {

  /** The main template and the templates it {@code define}s. */
  record Parsed(ListNode root, Map<String, ListNode> defined) {}

  private record ListEnd(ListNode list, Kind terminator, int offset) {}

  private final String name;
  private final String source;
  private final Set<String> functions;
  private final List<Token> tokens;
  private final Map<String, ListNode> defined = new LinkedHashMap<>();
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int index;
  private int rangeDepth;

  private Parser(String name, String source, Set<String> functions) {
    this.name = name;
    this.source = source;
    this.functions = functions;
    this.tokens = Lexer.lex(name, source);
  }

  static Parsed parse(String name, String source, Set<String> functions) {
    Parser parser = new Parser(name, source, functions);
    ListEnd end = parser.itemList(true);
    if (end.terminator() != Kind.EOF) {
      throw parser.error(end.offset(), "unexpected {{" + keyword(end.terminator()) + "}}");
    }
    return new Parsed(end.list(), Map.copyOf(parser.defined));
  }

  private ListEnd itemList(boolean topLevel) {
    List<Node> nodes = new ArrayList<>();
    int start = peek().offset();
    while (true) {
      Token token = next();
      switch (token.kind()) {
        case EOF -> {
          if (!topLevel) {
            throw error(token.offset(), "unexpected EOF");
          }
          return new ListEnd(new ListNode(List.copyOf(nodes), start), Kind.EOF, token.offset());
        }
        case TEXT -> nodes.add(new TextNode(token.text(), token.offset()));
        case LEFT_DELIM -> {
          Token keyword = nextNonSpace();
          switch (keyword.kind()) {
            case END -> {
              expectRightDelim("end");
              return new ListEnd(new ListNode(List.copyOf(nodes), start), Kind.END, token.offset());
            }
            case ELSE -> {
              Kind after = peekNonSpace().kind();
              if (after != Kind.IF && after != Kind.WITH) {
                expectRightDelim("else");
              }
              return new ListEnd(
                  new ListNode(List.copyOf(nodes), start), Kind.ELSE, token.offset());
            }
            case DEFINE -> {
              if (!topLevel) {
                throw error(keyword.offset(), "unexpected <define> in command");
              }
              parseDefine();
            }
            default -> nodes.add(action(keyword));
          }
        }
        default -> throw error(token.offset(), "unexpected " + token.text());
      }
    }
  }

  private Node action(Token keyword) {
    switch (keyword.kind()) {
      case IF:
        return branch(BranchNode.Kind.IF, keyword.offset());
      case RANGE:
        return branch(BranchNode.Kind.RANGE, keyword.offset());
      case WITH:
        return branch(BranchNode.Kind.WITH, keyword.offset());
      case TEMPLATE:
        return templateCall("template", keyword.offset());
      case BLOCK:
        {
          TemplateNode call = templateCall("block", keyword.offset());
          ListEnd body = itemList(false);
          if (body.terminator() != Kind.END) {
            throw error(body.offset(), "unexpected {{else}} in block");
          }
          defined.put(call.name(), body.list());
          return call;
        }
      case BREAK:
      case CONTINUE:
        {
          if (rangeDepth == 0) {
            throw error(keyword.offset(), "{{" + keyword.text() + "}} outside {{range}}");
          }
          expectRightDelim(keyword.text());
          return keyword.kind() == Kind.BREAK
              ? new BreakNode(keyword.offset())
              : new ContinueNode(keyword.offset());
        }
      default:
        index--;
        return new ActionNode(pipeline("command", Kind.RIGHT_DELIM), keyword.offset());
    }
  }

  private BranchNode branch(BranchNode.Kind kind, int offset) {
    int scope = vars.size();
    String context = kind.name().toLowerCase();
    Pipeline pipe = pipeline(context, Kind.RIGHT_DELIM);
    if (kind == BranchNode.Kind.RANGE) {
      rangeDepth++;
    }
    ListEnd body = itemList(false);
    if (kind == BranchNode.Kind.RANGE) {
      rangeDepth--;
    }
    ListNode elseList = null;
    if (body.terminator() == Kind.ELSE) {
      Kind chained = peekNonSpace().kind();
      boolean elseIf = kind == BranchNode.Kind.IF && chained == Kind.IF;
      boolean elseWith = kind == BranchNode.Kind.WITH && chained == Kind.WITH;
      if (elseIf || elseWith) {
        Token keyword = nextNonSpace();
        elseList = new ListNode(List.of(branch(kind, keyword.offset())), keyword.offset());
      } else {
        if (chained == Kind.IF || chained == Kind.WITH) {
          throw error(body.offset(), "unexpected " + chained.name().toLowerCase() + " after else");
        }
        ListEnd elseEnd = itemList(false);
        if (elseEnd.terminator() != Kind.END) {
          throw error(elseEnd.offset(), "expected end; found {{else}}");
        }
        elseList = elseEnd.list();
      }
    }
    truncateVars(scope);
    return new BranchNode(kind, pipe, body.list(), elseList, offset);
  }

  private void parseDefine() {
    Token nameToken = nextNonSpace();
    if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
      throw error(nameToken.offset(), "unexpected \"" + nameToken.text() + "\" in define clause");
    }
    expectRightDelim("define clause");
    List<String> saved = List.copyOf(vars);
    vars.clear();
    vars.add("$");
    ListEnd body = itemList(false);
    if (body.terminator() != Kind.END) {
      throw error(body.offset(), "unexpected {{else}} in define clause");
    }
    vars.clear();
    vars.addAll(saved);
    defined.put(Literals.unquote(nameToken.text()), body.list());
  }

  private TemplateNode templateCall(String context, int offset) {
    Token nameToken = nextNonSpace();
    if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
      throw error(nameToken.offset(), "unexpected \"" + nameToken.text() + "\" in " + context);
    }
    Pipeline pipe = null;
    if (peekNonSpace().kind() != Kind.RIGHT_DELIM) {
      pipe = pipeline(context, Kind.RIGHT_DELIM);
    } else {
      nextNonSpace();
    }
    return new TemplateNode(Literals.unquote(nameToken.text()), pipe, offset);
  }

  private Pipeline pipeline(String context, Kind end) {
    int offset = peekNonSpace().offset();
    List<String> decls = new ArrayList<>();
    boolean assign = false;
    while (peekNonSpace().kind() == Kind.VARIABLE) {
      int mark = index;
      Token variable = nextNonSpace();
      Token after = nextNonSpace();
      if (after.kind() == Kind.DECLARE || after.kind() == Kind.ASSIGN) {
        assign = after.kind() == Kind.ASSIGN;
        decls.add(variable.text());
        break;
      } else if (after.kind() == Kind.COMMA && context.equals("range") && decls.isEmpty()) {
        decls.add(variable.text());
        if (peekNonSpace().kind() != Kind.VARIABLE) {
          throw error(after.offset(), "range can only initialize variables");
        }
      } else if (after.kind() == Kind.COMMA) {
        throw error(after.offset(), "too many declarations in " + context);
      } else {
        index = mark;
        break;
      }
    }
    if (decls.size() == 2 && !decls.isEmpty() && peekNonSpace().kind() == Kind.VARIABLE) {
      throw error(offset, "too many declarations in " + context);
    }
    List<Command> commands = new ArrayList<>();
    while (true) {
      Token token = nextNonSpace();
      if (token.kind() == end) {
        break;
      }
      switch (token.kind()) {
        case BOOL,
            CHAR,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          index--;
          commands.add(command());
        }
        default -> throw error(token.offset(), "unexpected " + describe(token) + " in " + context);
      }
    }
    if (commands.isEmpty()) {
      throw error(offset, "missing value for " + context);
    }
    for (int i = 1; i < commands.size(); i++) {
      Arg first = commands.get(i).args().get(0);
      if (first instanceof ConstArg || first instanceof DotArg || first instanceof NilArg) {
        throw error(first.offset(), "non executable command in pipeline stage " + (i + 1));
      }
    }
    if (!assign) {
      vars.addAll(decls);
    } else {
      for (String decl : decls) {
        checkVariable(decl, offset);
      }
    }
    return new Pipeline(List.copyOf(decls), assign, List.copyOf(commands), offset);
  }

  private Command command() {
    int offset = peekNonSpace().offset();
    List<Arg> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      skipSpaces();
      args.add(operand());
      Token token = next();
      switch (token.kind()) {
        case SPACE -> {
          Kind following = peekNonSpace().kind();
          if (following == Kind.RIGHT_DELIM || following == Kind.RIGHT_PAREN) {
            skipSpaces();
            return new Command(List.copyOf(args), offset);
          }
          if (following == Kind.PIPE) {
            skipSpaces();
            index++;
            return new Command(List.copyOf(args), offset);
          }
        }
        case RIGHT_DELIM, RIGHT_PAREN -> {
          index--;
          return new Command(List.copyOf(args), offset);
        }
        case PIPE -> {
          return new Command(List.copyOf(args), offset);
        }
        default -> throw error(token.offset(), "unexpected " + describe(token) + " in operand");
      }
    }
  }

  private Arg operand() {
    Arg term = term();
    if (peek().kind() != Kind.FIELD) {
      return term;
    }
    List<String> idents = new ArrayList<>();
    StringBuilder text = new StringBuilder(term.text());
    while (peek().kind() == Kind.FIELD) {
      Token field = next();
      idents.add(field.text().substring(1));
      text.append(field.text());
    }
    if (term instanceof FieldArg field) {
      List<String> all = new ArrayList<>(field.idents());
      all.addAll(idents);
      return new FieldArg(List.copyOf(all), text.toString(), term.offset());
    }
    if (term instanceof VariableArg variable) {
      List<String> all = new ArrayList<>(variable.idents());
      all.addAll(idents);
      return new VariableArg(variable.name(), List.copyOf(all), text.toString(), term.offset());
    }
    if (term instanceof ConstArg || term instanceof NilArg || term instanceof DotArg) {
      throw error(term.offset(), "unexpected . after term \"" + term.text() + "\"");
    }
    return new ChainArg(term, List.copyOf(idents), text.toString(), term.offset());
  }

  private Arg term() {
    Token token = next();
    int at = token.offset();
    switch (token.kind()) {
      case IDENTIFIER:
        if (!functions.contains(token.text())) {
          throw error(at, "function \"" + token.text() + "\" not defined");
        }
        return new IdentifierArg(token.text(), token.text(), at);
      case DOT:
        return new DotArg(".", at);
      case NIL:
        return new NilArg("nil", at);
      case VARIABLE:
        checkVariable(token.text(), at);
        return new VariableArg(token.text(), List.of(), token.text(), at);
      case FIELD:
        return new FieldArg(List.of(token.text().substring(1)), token.text(), at);
      case BOOL:
        return new ConstArg(Boolean.parseBoolean(token.text()), token.text(), at);
      case CHAR:
        return new ConstArg((long) Literals.unquoteChar(token.text()), token.text(), at);
      case NUMBER:
        return new ConstArg(Literals.number(token.text(), this::error, at), token.text(), at);
      case STRING:
      case RAW_STRING:
        return new ConstArg(Literals.unquote(token.text()), token.text(), at);
      case LEFT_PAREN:
        {
          Pipeline pipe = pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
          return new PipeArg(pipe, "(" + source.substring(at + 1, pipeEnd()) + ")", at);
        }
      default:
        throw error(at, "unexpected " + describe(token) + " in operand");
    }
  }

  private int pipeEnd() {
    return tokens.get(index - 1).offset();
  }

  private void checkVariable(String variable, int offset) {
    if (!vars.contains(variable)) {
      throw error(offset, "undefined variable \"" + variable + "\"");
    }
  }

  private void truncateVars(int size) {
    while (vars.size() > size) {
      vars.remove(vars.size() - 1);
    }
  }

  private void expectRightDelim(String context) {
    Token token = nextNonSpace();
    if (token.kind() != Kind.RIGHT_DELIM) {
      throw error(token.offset(), "unexpected " + describe(token) + " in " + context);
    }
  }

  private Token next() {
    return tokens.get(index++);
  }

  private Token peek() {
    return tokens.get(index);
  }

  private void skipSpaces() {
    while (peek().kind() == Kind.SPACE) {
      index++;
    }
  }

  private Token nextNonSpace() {
    skipSpaces();
    return next();
  }

  private Token peekNonSpace() {
    int i = index;
    while (tokens.get(i).kind() == Kind.SPACE) {
      i++;
    }
    return tokens.get(i);
  }

  private static String describe(Token token) {
    return switch (token.kind()) {
      case RIGHT_DELIM -> "<}}>";
      case EOF -> "EOF";
      default -> "\"" + token.text() + "\"";
    };
  }

  private static String keyword(Kind kind) {
    return kind.name().toLowerCase();
  }

  TemplateException error(int offset, String message) {
    return new TemplateException(Positions.of(name, source, offset) + ": " + message);
  }
}
