package dev.rollouts.notifications.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Sprig's list and dictionary functions. */
final class SprigLists {

  private SprigLists() {}

  static void register(Map<String, Function> f) {
    f.put("list", args -> new ArrayList<>(Builtins.plain(args)));
    f.put(
        "first",
        args -> {
          List<?> l = Values.list(Sprig.arg(args, 0));
          return l.isEmpty() ? null : l.get(0);
        });
    f.put(
        "last",
        args -> {
          List<?> l = Values.list(Sprig.arg(args, 0));
          return l.isEmpty() ? null : l.get(l.size() - 1);
        });
    f.put(
        "rest",
        args -> {
          List<?> l = Values.list(Sprig.arg(args, 0));
          return l.isEmpty() ? null : new ArrayList<>(l.subList(1, l.size()));
        });
    f.put(
        "initial",
        args -> {
          List<?> l = Values.list(Sprig.arg(args, 0));
          return l.isEmpty() ? null : new ArrayList<>(l.subList(0, l.size() - 1));
        });
    Function append =
        args -> {
          Function.arity("append", args, 2);
          List<Object> l = new ArrayList<>(Values.list(args.get(0)));
          l.add(Values.plain(args.get(1)));
          return l;
        };
    f.put("append", append);
    f.put("push", append);
    f.put(
        "prepend",
        args -> {
          Function.arity("prepend", args, 2);
          List<Object> l = new ArrayList<>();
          l.add(Values.plain(args.get(1)));
          l.addAll(Values.list(args.get(0)));
          return l;
        });
    f.put(
        "concat",
        args -> {
          List<Object> l = new ArrayList<>();
          for (Object a : args) {
            l.addAll(Values.list(a));
          }
          return l;
        });
    f.put(
        "reverse",
        args -> {
          List<Object> l = new ArrayList<>(Values.list(Sprig.arg(args, 0)));
          java.util.Collections.reverse(l);
          return l;
        });
    f.put(
        "uniq",
        args -> {
          List<Object> out = new ArrayList<>();
          for (Object o : Values.list(Sprig.arg(args, 0))) {
            if (!out.contains(o)) {
              out.add(o);
            }
          }
          return out;
        });
    f.put(
        "compact",
        args -> {
          List<Object> out = new ArrayList<>();
          for (Object o : Values.list(Sprig.arg(args, 0))) {
            if (!Casts.empty(o)) {
              out.add(o);
            }
          }
          return out;
        });
    f.put(
        "without",
        args -> {
          Function.atLeast("without", args, 1);
          List<Object> omit = Builtins.plain(args.subList(1, args.size()));
          List<Object> out = new ArrayList<>();
          for (Object o : Values.list(args.get(0))) {
            if (!omit.contains(o)) {
              out.add(o);
            }
          }
          return out;
        });
    f.put(
        "has",
        args -> {
          Function.arity("has", args, 2);
          return Values.list(args.get(1)).contains(Values.plain(args.get(0)));
        });
    f.put(
        "sortAlpha",
        args -> {
          List<String> l = new ArrayList<>(Casts.strslice(Sprig.arg(args, 0)));
          java.util.Collections.sort(l);
          return new ArrayList<Object>(l);
        });
    f.put(
        "until",
        args -> {
          Function.arity("until", args, 1);
          long n = Values.integer(args.get(0));
          List<Object> out = new ArrayList<>();
          for (long i = 0; n >= 0 ? i < n : i > n; i += n >= 0 ? 1 : -1) {
            out.add(i);
          }
          return out;
        });
    f.put(
        "untilStep",
        args -> {
          Function.arity("untilStep", args, 3);
          long start = Values.integer(args.get(0));
          long stop = Values.integer(args.get(1));
          long step = Values.integer(args.get(2));
          List<Object> out = new ArrayList<>();
          if (step > 0) {
            for (long i = start; i < stop; i += step) {
              out.add(i);
            }
          } else if (step < 0) {
            for (long i = start; i > stop; i += step) {
              out.add(i);
            }
          }
          return out;
        });
    f.put("seq", SprigLists::seq);
    registerDicts(f);
  }

  private static Object seq(List<Object> args) {
    long start = 1;
    long end;
    long step = 1;
    switch (args.size()) {
      case 0:
        return "";
      case 1:
        end = Values.integer(args.get(0));
        if (end < 1) {
          step = -1;
        }
        break;
      case 2:
        start = Values.integer(args.get(0));
        end = Values.integer(args.get(1));
        step = end < start ? -1 : 1;
        break;
      default:
        start = Values.integer(args.get(0));
        step = Values.integer(args.get(1));
        end = Values.integer(args.get(2));
        if (step == 0 || (end < start && step > 0) || (end > start && step < 0)) {
          return "";
        }
    }
    List<String> parts = new ArrayList<>();
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      parts.add(Long.toString(i));
    }
    return String.join(" ", parts);
  }

  private static void registerDicts(Map<String, Function> f) {
    f.put(
        "dict",
        args -> {
          Map<String, Object> d = new LinkedHashMap<>();
          for (int i = 0; i < args.size(); i += 2) {
            d.put(
                Casts.strval(args.get(i)),
                i + 1 < args.size() ? Values.plain(args.get(i + 1)) : "");
          }
          return d;
        });
    f.put(
        "get",
        args -> {
          Function.arity("get", args, 2);
          Map<String, Object> d = Values.map(args.get(0));
          String key = Values.string(args.get(1));
          return d.containsKey(key) ? d.get(key) : "";
        });
    f.put(
        "set",
        args -> {
          Function.arity("set", args, 3);
          Map<String, Object> d = Values.map(args.get(0));
          try {
            d.put(Values.string(args.get(1)), Values.plain(args.get(2)));
            return d;
          } catch (UnsupportedOperationException e) {
            Map<String, Object> copy = new LinkedHashMap<>(d);
            copy.put(Values.string(args.get(1)), Values.plain(args.get(2)));
            return copy;
          }
        });
    f.put(
        "unset",
        args -> {
          Function.arity("unset", args, 2);
          Map<String, Object> copy = new LinkedHashMap<>(Values.map(args.get(0)));
          copy.remove(Values.string(args.get(1)));
          return copy;
        });
    f.put(
        "hasKey",
        args -> {
          Function.arity("hasKey", args, 2);
          return Values.map(args.get(0)).containsKey(Values.string(args.get(1)));
        });
    f.put(
        "keys",
        args -> {
          TreeSet<String> keys = new TreeSet<>();
          for (Object d : args) {
            keys.addAll(Values.map(d).keySet());
          }
          return new ArrayList<Object>(keys);
        });
    f.put(
        "values",
        args -> {
          Function.arity("values", args, 1);
          return new ArrayList<>(Printer.sorted(Values.map(args.get(0))).values());
        });
    f.put(
        "pluck",
        args -> {
          Function.atLeast("pluck", args, 1);
          String key = Values.string(args.get(0));
          List<Object> out = new ArrayList<>();
          for (Object d : args.subList(1, args.size())) {
            Map<String, Object> m = Values.map(d);
            if (m.containsKey(key)) {
              out.add(m.get(key));
            }
          }
          return out;
        });
    f.put(
        "pick",
        args -> {
          Function.atLeast("pick", args, 1);
          Map<String, Object> d = Values.map(args.get(0));
          Map<String, Object> out = new LinkedHashMap<>();
          for (Object k : args.subList(1, args.size())) {
            String key = Values.string(k);
            if (d.containsKey(key)) {
              out.put(key, d.get(key));
            }
          }
          return out;
        });
    f.put(
        "omit",
        args -> {
          Function.atLeast("omit", args, 1);
          Map<String, Object> out = new LinkedHashMap<>(Values.map(args.get(0)));
          for (Object k : args.subList(1, args.size())) {
            out.remove(Values.string(k));
          }
          return out;
        });
    f.put(
        "dig",
        args -> {
          Function.atLeast("dig", args, 3);
          Object current = Values.map(args.get(args.size() - 1));
          Object fallback = Values.plain(args.get(args.size() - 2));
          for (Object k : args.subList(0, args.size() - 2)) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(Values.string(k))) {
              return fallback;
            }
            current = m.get(Values.string(k));
          }
          return current;
        });
  }
}
