package dev.rollouts.notifications.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sprig's string functions. Argument order is Sprig's: the string operated on comes last. */
final class SprigStrings {

  private SprigStrings() {}

  private interface S1 {
    Object apply(String s);
  }

  private interface S2 {
    Object apply(String a, String b);
  }

  private static Function one(String name, S1 fn) {
    return args -> {
      Function.arity(name, args, 1);
      return fn.apply(Values.string(args.get(0)));
    };
  }

  private static Function two(String name, S2 fn) {
    return args -> {
      Function.arity(name, args, 2);
      return fn.apply(Values.string(args.get(0)), Values.string(args.get(1)));
    };
  }

  static void register(Map<String, Function> f) {
    f.put("upper", one("upper", String::toUpperCase));
    f.put("lower", one("lower", String::toLowerCase));
    f.put("title", one("title", SprigStrings::title));
    f.put("trim", one("trim", String::strip));
    f.put("nospace", one("nospace", s -> s.replaceAll("\\s", "")));
    f.put("trimAll", two("trimAll", (cutset, s) -> trimCutset(s, cutset)));
    f.put("trimPrefix", two("trimPrefix", (p, s) -> s.startsWith(p) ? s.substring(p.length()) : s));
    f.put(
        "trimSuffix",
        two("trimSuffix", (p, s) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s));
    f.put("contains", two("contains", (sub, s) -> s.contains(sub)));
    f.put("hasPrefix", two("hasPrefix", (p, s) -> s.startsWith(p)));
    f.put("hasSuffix", two("hasSuffix", (p, s) -> s.endsWith(p)));
    f.put(
        "replace",
        args -> {
          Function.arity("replace", args, 3);
          String old = Values.string(args.get(0));
          String replacement = Values.string(args.get(1));
          String s = Values.string(args.get(2));
          return old.isEmpty() ? s : s.replace(old, replacement);
        });
    f.put(
        "repeat",
        args -> {
          Function.arity("repeat", args, 2);
          return Values.string(args.get(1)).repeat((int) Math.max(0, Values.integer(args.get(0))));
        });
    f.put(
        "trunc",
        args -> {
          Function.arity("trunc", args, 2);
          long c = Values.integer(args.get(0));
          String s = Values.string(args.get(1));
          if (c < 0 && s.length() + c > 0) {
            return s.substring((int) (s.length() + c));
          }
          if (c >= 0 && s.length() > c) {
            return s.substring(0, (int) c);
          }
          return s;
        });
    f.put(
        "abbrev",
        args -> {
          Function.arity("abbrev", args, 2);
          long width = Values.integer(args.get(0));
          String s = Values.string(args.get(1));
          if (width < 4 || s.length() <= width) {
            return s;
          }
          return s.substring(0, (int) width - 3) + "...";
        });
    f.put(
        "substr",
        args -> {
          Function.arity("substr", args, 3);
          long start = Values.integer(args.get(0));
          long end = Values.integer(args.get(1));
          String s = Values.string(args.get(2));
          if (start < 0) {
            return s.substring(0, (int) Math.min(end, s.length()));
          }
          if (end < 0 || end > s.length()) {
            return s.substring((int) Math.min(start, s.length()));
          }
          return s.substring((int) start, (int) end);
        });
    f.put(
        "indent",
        args -> {
          Function.arity("indent", args, 2);
          return indent((int) Values.integer(args.get(0)), Values.string(args.get(1)));
        });
    f.put(
        "nindent",
        args -> {
          Function.arity("nindent", args, 2);
          return "\n" + indent((int) Values.integer(args.get(0)), Values.string(args.get(1)));
        });
    f.put(
        "quote",
        args -> {
          List<String> parts = new ArrayList<>();
          for (Object a : args) {
            if (Values.plain(a) != null) {
              parts.add(GoQuote.quote(Casts.strval(a)));
            }
          }
          return String.join(" ", parts);
        });
    f.put(
        "squote",
        args -> {
          List<String> parts = new ArrayList<>();
          for (Object a : args) {
            if (Values.plain(a) != null) {
              parts.add("'" + Casts.strval(a) + "'");
            }
          }
          return String.join(" ", parts);
        });
    f.put(
        "cat",
        args -> {
          List<String> parts = new ArrayList<>();
          for (Object a : args) {
            if (Values.plain(a) != null) {
              parts.add(Printer.formatV(Values.plain(a)));
            }
          }
          return String.join(" ", parts);
        });
    f.put(
        "plural",
        args -> {
          Function.arity("plural", args, 3);
          return Values.integer(args.get(2)) == 1
              ? Values.string(args.get(0))
              : Values.string(args.get(1));
        });
    f.put(
        "join",
        args -> {
          Function.arity("join", args, 2);
          return String.join(Values.string(args.get(0)), Casts.strslice(args.get(1)));
        });
    f.put(
        "splitList",
        args -> {
          Function.arity("splitList", args, 2);
          return split(Values.string(args.get(1)), Values.string(args.get(0)));
        });
    f.put(
        "split",
        args -> {
          Function.arity("split", args, 2);
          Map<String, Object> parts = new LinkedHashMap<>();
          List<Object> list = split(Values.string(args.get(1)), Values.string(args.get(0)));
          for (int i = 0; i < list.size(); i++) {
            parts.put("_" + i, list.get(i));
          }
          return parts;
        });
    f.put("regexMatch", two("regexMatch", (regex, s) -> Pattern.compile(regex).matcher(s).find()));
    f.put(
        "regexFind",
        two(
            "regexFind",
            (regex, s) -> {
              Matcher m = Pattern.compile(regex).matcher(s);
              return m.find() ? m.group() : "";
            }));
    f.put(
        "regexFindAll",
        args -> {
          Function.arity("regexFindAll", args, 3);
          Matcher m =
              Pattern.compile(Values.string(args.get(0))).matcher(Values.string(args.get(1)));
          long n = Values.integer(args.get(2));
          List<Object> found = new ArrayList<>();
          while (m.find() && (n < 0 || found.size() < n)) {
            found.add(m.group());
          }
          return found;
        });
    f.put(
        "regexReplaceAll",
        args -> {
          Function.arity("regexReplaceAll", args, 3);
          String template = Values.string(args.get(2));
          return Pattern.compile(Values.string(args.get(0)))
              .matcher(Values.string(args.get(1)))
              .replaceAll(m -> Matcher.quoteReplacement(expand(template, m)));
        });
    f.put(
        "regexReplaceAllLiteral",
        args -> {
          Function.arity("regexReplaceAllLiteral", args, 3);
          return Pattern.compile(Values.string(args.get(0)))
              .matcher(Values.string(args.get(1)))
              .replaceAll(Matcher.quoteReplacement(Values.string(args.get(2))));
        });
    f.put(
        "regexSplit",
        args -> {
          Function.arity("regexSplit", args, 3);
          String[] parts =
              Pattern.compile(Values.string(args.get(0))).split(Values.string(args.get(1)), -1);
          long n = Values.integer(args.get(2));
          List<Object> out = new ArrayList<>(List.of((Object[]) parts));
          return n < 0 || out.size() <= n ? out : out.subList(0, (int) n);
        });
  }

  /**
   * Go's {@code Regexp.Expand}: {@code $name} or {@code ${name}}, the name as long as possible
   * ({@code $1W} is the group named "1W", empty), {@code $$} a dollar; unknown groups are empty.
   */
  static String expand(String template, java.util.regex.MatchResult m) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      if (template.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (template.charAt(i + 1) == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < template.length() && Lexer.isAlphaNumeric(template.charAt(j))) {
          j++;
        }
        name = template.substring(i + 1, j);
        next = j;
      }
      if (name.isEmpty()) {
        out.append(c);
        i++;
        continue;
      }
      out.append(group(m, name));
      i = next;
    }
    return out.toString();
  }

  private static String group(java.util.regex.MatchResult m, String name) {
    if (name.matches("[0-9]+")) {
      int n = Integer.parseInt(name);
      return n <= m.groupCount() && m.group(n) != null ? m.group(n) : "";
    }
    try {
      String value = ((Matcher) m).group(name);
      return value == null ? "" : value;
    } catch (IllegalArgumentException | ClassCastException e) {
      return "";
    }
  }

  private static List<Object> split(String s, String sep) {
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int start = 0;
    while (true) {
      int i = s.indexOf(sep, start);
      if (i < 0) {
        out.add(s.substring(start));
        return out;
      }
      out.add(s.substring(start, i));
      start = i + sep.length();
    }
  }

  static String indent(int spaces, String s) {
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + s.replace("\n", "\n" + pad);
  }

  private static String trimCutset(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's deprecated {@code strings.Title}: upper-cases the first letter of each word. */
  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    boolean previousIsSeparator = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(previousIsSeparator ? Character.toTitleCase(c) : c);
      previousIsSeparator = !(Character.isLetterOrDigit(c) || c == '_');
    }
    return out.toString();
  }
}
