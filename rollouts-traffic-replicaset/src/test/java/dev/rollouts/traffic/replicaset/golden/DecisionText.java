package dev.rollouts.traffic.replicaset.golden;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders a Decision (or any value of the core's API) as one line of sorted JSON, so that two
 * versions of the engine can be compared on meaning rather than on Java types: every scalar is
 * written as its text ({@code 3} and {@code "3"} both as {@code "3"}, an enum by its name), an
 * empty Optional, an empty collection and an empty map are left out, and attributes are sorted by
 * name. Attributes of Immutables values are read through their accessors, records through their
 * components.
 */
final class DecisionText {

  private DecisionText() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    write(tree(value), out);
    return out.toString();
  }

  /** The value as a tree of TreeMaps, Lists and Strings; null for "absent". */
  static Object tree(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(DecisionText::tree).orElse(null);
    }
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof java.time.temporal.TemporalAccessor
        || value instanceof java.time.temporal.TemporalAmount) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> put(sorted, String.valueOf(k), tree(v)));
      return sorted.isEmpty() ? null : sorted;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      for (Object item : collection) {
        list.add(tree(item));
      }
      if (value instanceof java.util.Set<?>) {
        list.sort((a, b) -> of(a).compareTo(of(b)));
      }
      return list.isEmpty() ? null : list;
    }
    TreeMap<String, Object> attributes = new TreeMap<>();
    if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        put(attributes, c.getName(), tree(invoke(c.getAccessor(), value)));
      }
    } else {
      for (Field f : value.getClass().getDeclaredFields()) {
        int modifiers = f.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        Method accessor = accessor(value.getClass(), f.getName());
        if (accessor != null) {
          put(attributes, f.getName(), tree(invoke(accessor, value)));
        }
      }
    }
    return attributes.isEmpty() ? null : attributes;
  }

  private static void put(TreeMap<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** The public no-argument method {@code name} of a public supertype of {@code type}. */
  private static Method accessor(Class<?> type, String name) {
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      for (Class<?> i : t.getInterfaces()) {
        try {
          return i.getMethod(name);
        } catch (NoSuchMethodException e) {
          // not declared there
        }
      }
      if (Modifier.isPublic(t.getModifiers())) {
        try {
          return t.getMethod(name);
        } catch (NoSuchMethodException e) {
          // not declared there
        }
      }
    }
    return null;
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + method, e);
    }
  }

  private static void write(Object tree, StringBuilder out) {
    if (tree == null) {
      out.append("null");
    } else if (tree instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          default -> out.append(c);
        }
      }
      out.append('"');
    } else if (tree instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) tree) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    }
  }
}
