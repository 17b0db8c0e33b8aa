package dev.rollouts.notifications.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Sprig's lenient conversions ({@code spf13/cast} and Sprig's {@code strval}/{@code strslice}): nil
 * is 0, a float truncates, a bad numeric string is 0.
 */
final class Casts {

  private Casts() {}

  static long toInt64(Object value) {
    Object v = Values.plain(value);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return (long) d.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      String t = s.replaceFirst("\\.0*$", "");
      try {
        if (t.startsWith("0x") || t.startsWith("0X")) {
          return Long.parseLong(t.substring(2), 16);
        }
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    if (v instanceof GoDuration d) {
      return d.nanos();
    }
    return 0;
  }

  static double toFloat64(Object value) {
    Object v = Values.plain(value);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /**
   * Sprig's {@code strval}: strings as they are, {@code []byte} decoded, anything else {@code %v}.
   */
  static String strval(Object value) {
    Object v = Values.plain(value);
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return Printer.formatV(v);
  }

  /** Sprig's {@code strslice}: each non-nil element as {@link #strval}. */
  static List<String> strslice(Object value) {
    Object v = Values.plain(value);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof Collection<?> c) {
      for (Object item : c) {
        if (item != null) {
          out.add(strval(item));
        }
      }
      return out;
    }
    out.add(strval(v));
    return out;
  }

  /** Sprig's {@code empty}: nil, false, 0, and empty strings, lists and maps. */
  static boolean empty(Object value) {
    Object v = Values.plain(value);
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof byte[] b) {
      return b.length == 0;
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (v instanceof Long l) {
      return l == 0;
    }
    if (v instanceof Double d) {
      return d == 0;
    }
    if (v instanceof GoDuration d) {
      return d.nanos() == 0;
    }
    return false;
  }
}
