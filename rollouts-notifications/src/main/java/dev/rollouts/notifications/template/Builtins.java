package dev.rollouts.notifications.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions ({@code text/template/funcs.go}): {@code and or not len index
 * slice print printf println eq ne lt le gt ge call html js urlquery}. ({@code and}/{@code or}
 * short-circuit in the executor; their entries here only declare them.)
 */
final class Builtins {

  private Builtins() {}

  static void register(Map<String, Function> f) {
    f.put("and", args -> null);
    f.put("or", args -> null);
    f.put(
        "not",
        args -> {
          Function.arity("not", args, 1);
          return !Values.isTrue(args.get(0));
        });
    f.put(
        "len",
        args -> {
          Function.arity("len", args, 1);
          return length(args.get(0));
        });
    f.put("index", Builtins::index);
    f.put("slice", Builtins::slice);
    f.put("print", args -> Printer.sprint(plain(args)));
    f.put("println", args -> Printer.sprintln(plain(args)));
    f.put(
        "printf",
        args -> {
          Function.atLeast("printf", args, 1);
          List<Object> rest = plain(args.subList(1, args.size()));
          return Sprintf.format(Values.string(args.get(0)), rest);
        });
    f.put("eq", Builtins::eq);
    f.put(
        "ne",
        args -> {
          Function.arity("ne", args, 2);
          return !eq(args);
        });
    f.put("lt", args -> compare("lt", args) < 0);
    f.put("le", args -> compare("le", args) <= 0);
    f.put("gt", args -> compare("gt", args) > 0);
    f.put("ge", args -> compare("ge", args) >= 0);
    f.put("call", Builtins::call);
    f.put("html", args -> html(Printer.sprint(plain(args))));
    f.put("js", args -> js(Printer.sprint(plain(args))));
    f.put(
        "urlquery", args -> URLEncoder.encode(Printer.sprint(plain(args)), StandardCharsets.UTF_8));
  }

  static List<Object> plain(List<Object> args) {
    List<Object> out = new ArrayList<>(args.size());
    for (Object arg : args) {
      out.add(Values.plain(arg));
    }
    return out;
  }

  static long length(Object value) {
    if (value == Values.MISSING) {
      // Go's length() asks the invalid reflect.Value for its type, which panics with this text.
      throw new IllegalArgumentException("reflect: call of reflect.Value.Type on zero Value");
    }
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (value instanceof List<?> l) {
      return l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return m.size();
    }
    if (value instanceof byte[] b) {
      return b.length;
    }
    if (value == null) {
      throw new IllegalArgumentException("len of nil pointer");
    }
    throw new IllegalArgumentException("len of type " + Printer.typeName(value));
  }

  private static Object index(List<Object> args) {
    Function.atLeast("index", args, 1);
    Object item = Values.plain(args.get(0));
    if (item == null) {
      throw new IllegalArgumentException("index of untyped nil");
    }
    for (Object rawKey : args.subList(1, args.size())) {
      Object key = Values.plain(rawKey);
      if (item instanceof List<?> list) {
        int i = indexArg(key, list.size());
        item = list.get(i);
      } else if (item instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        item = (long) (bytes[indexArg(key, bytes.length)] & 0xff);
      } else if (item instanceof Map<?, ?> map) {
        if (!(key instanceof String)) {
          throw new IllegalArgumentException(
              "value has type " + Printer.typeName(key) + "; should be string");
        }
        item = map.get(key);
      } else if (item == null) {
        throw new IllegalArgumentException("index of untyped nil");
      } else {
        throw new IllegalArgumentException("can't index item of type " + Printer.typeName(item));
      }
    }
    return item;
  }

  private static int indexArg(Object key, int size) {
    if (!(key instanceof Long l)) {
      throw new IllegalArgumentException(
          "cannot index slice/array with type " + Printer.typeName(key));
    }
    if (l < 0 || l >= size) {
      throw new IllegalArgumentException("index out of range: " + l);
    }
    return l.intValue();
  }

  private static Object slice(List<Object> args) {
    Function.atLeast("slice", args, 1);
    Object item = Values.plain(args.get(0));
    if (args.size() > 4) {
      throw new IllegalArgumentException("too many slice indexes: " + (args.size() - 1));
    }
    int length;
    if (item instanceof String s) {
      length = s.length();
      if (args.size() > 3) {
        throw new IllegalArgumentException("cannot 3-index slice a string");
      }
    } else if (item instanceof List<?> l) {
      length = l.size();
    } else {
      throw new IllegalArgumentException("can't slice item of type " + Printer.typeName(item));
    }
    int from = args.size() > 1 ? indexArg(Values.plain(args.get(1)), length + 1) : 0;
    int to = args.size() > 2 ? indexArg(Values.plain(args.get(2)), length + 1) : length;
    if (from > to) {
      throw new IllegalArgumentException("invalid slice index: " + from + " > " + to);
    }
    return item instanceof String s
        ? s.substring(from, to)
        : List.copyOf(((List<?>) item).subList(from, to));
  }

  private enum Kind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  private static Kind kind(Object v) {
    if (v == null || v == Values.MISSING) {
      return Kind.INVALID;
    }
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (v instanceof Long || v instanceof Integer) {
      return Kind.INT;
    }
    if (v instanceof Double || v instanceof Float) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  /** Go's {@code eq arg1 arg2...}: true when arg1 equals any of the others. */
  static boolean eq(List<Object> args) {
    if (args.size() < 2) {
      throw new IllegalArgumentException("missing argument for comparison");
    }
    Object first = Values.plain(args.get(0));
    Kind k1 = kind(first);
    for (Object raw : args.subList(1, args.size())) {
      Object other = Values.plain(raw);
      Kind k2 = kind(other);
      if (k1 != k2) {
        if (k1 != Kind.INVALID && k2 != Kind.INVALID) {
          throw new IllegalArgumentException("incompatible types for comparison");
        }
        continue;
      }
      boolean truth =
          switch (k1) {
            case INVALID -> true;
            case INT -> ((Number) first).longValue() == ((Number) other).longValue();
            case FLOAT -> ((Number) first).doubleValue() == ((Number) other).doubleValue();
            case BOOL, STRING -> first.equals(other);
            case OTHER -> {
              if (first instanceof List || first instanceof Map || first instanceof byte[]) {
                throw new IllegalArgumentException(
                    "non-comparable type "
                        + Printer.formatV(first)
                        + ": "
                        + Printer.typeName(first));
              }
              yield first.equals(other);
            }
          };
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static int compare(String name, List<Object> args) {
    Function.arity(name, args, 2);
    Object a = Values.plain(args.get(0));
    Object b = Values.plain(args.get(1));
    Kind k1 = kind(a);
    Kind k2 = kind(b);
    if (k1 == Kind.INVALID
        || k1 == Kind.BOOL
        || k1 == Kind.OTHER
        || k2 == Kind.INVALID
        || k2 == Kind.BOOL
        || k2 == Kind.OTHER) {
      throw new IllegalArgumentException("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new IllegalArgumentException("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      case FLOAT -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      default -> ((String) a).compareTo((String) b);
    };
  }

  private static Object call(List<Object> args) throws Exception {
    Function.atLeast("call", args, 1);
    Object fn = Values.plain(args.get(0));
    if (fn == null) {
      throw new IllegalArgumentException("call of nil");
    }
    if (!(fn instanceof GoFunction function)) {
      throw new IllegalArgumentException("non-function of type " + Printer.typeName(fn));
    }
    return function.call(plain(args.subList(1, args.size())));
  }

  static String html(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\0' -> out.append("\uFFFD");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String js(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '<' -> out.append("\\u003C");
        case '>' -> out.append("\\u003E");
        case '&' -> out.append("\\u0026");
        case '=' -> out.append("\\u003D");
        default -> {
          if (c < ' ') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
