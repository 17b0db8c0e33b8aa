package dev.rollouts.expr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reading from values: {@code a.b} / {@code a[k]}, {@code a[i]} with negative indices, {@code
 * a[i:j]}, as expr's {@code runtime.Fetch} and {@code runtime.Slice} do. A missing map key is nil;
 * an index out of range is an error. Strings index and slice by UTF-8 byte, as Go's do.
 */
final class Access {
  private Access() {}

  /** Thrown by {@code a?.b} when {@code a} is nil; the enclosing chain turns it into nil. */
  static final class NilInChain extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NilInChain INSTANCE = new NilInChain();

    private NilInChain() {
      super(null, null, false, false);
    }
  }

  static Object fetch(Object from, Object key, boolean optional) {
    if (from == null) {
      if (optional) {
        throw NilInChain.INSTANCE;
      }
      throw cannotFetch(key, from);
    }
    if (from instanceof Map<?, ?> map) {
      if (!(key instanceof String)) {
        throw cannotFetch(key, from);
      }
      return Values.normalize(map.get(key));
    } else if (from instanceof List<?> list) {
      if (!Values.isNumber(key)) {
        throw cannotFetch(key, from);
      }
      int index = index(key, list.size());
      return Values.normalize(list.get(index));
    } else if (from instanceof String s) {
      if (!Values.isNumber(key)) {
        throw cannotFetch(key, from);
      }
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      return (long) (bytes[index(key, bytes.length)] & 0xff);
    }
    throw cannotFetch(key, from);
  }

  private static int index(Object key, int length) {
    long i = toInt(key);
    long index = i < 0 ? length + i : i;
    if (index < 0 || index >= length) {
      throw new ExpressionEvaluationException(
          "index out of range: " + index + " (array length is " + length + ")");
    }
    return (int) index;
  }

  /**
   * {@code a[from:to]}: absent bounds are the ends, negative ones count from the end, and both are
   * clamped into the value (an empty result rather than an error), as expr's {@code Slice}.
   */
  static Object slice(Object value, Object from, Object to) {
    int length;
    byte[] bytes = null;
    if (value instanceof List<?> list) {
      length = list.size();
    } else if (value instanceof String s) {
      bytes = s.getBytes(StandardCharsets.UTF_8);
      length = bytes.length;
    } else {
      throw new ExpressionEvaluationException("cannot slice " + Values.typeName(value));
    }
    long a = from == null ? 0 : bound(from);
    long b = to == null ? length : bound(to);
    a = clamp(a < 0 ? length + a : a, length);
    b = clamp(b < 0 ? length + b : b, length);
    if (a > b) {
      a = b;
    }
    if (bytes != null) {
      return new String(Arrays.copyOfRange(bytes, (int) a, (int) b), StandardCharsets.UTF_8);
    }
    return Collections.unmodifiableList(((List<?>) value).subList((int) a, (int) b));
  }

  private static long bound(Object v) {
    if (!Values.isNumber(v)) {
      throw new ExpressionEvaluationException("invalid operation: int(" + Values.typeName(v) + ")");
    }
    return toInt(v);
  }

  private static long clamp(long v, int length) {
    return Math.max(0, Math.min(v, length));
  }

  /** Go's {@code int(x)}: floats truncate toward zero (saturating here where Go's is undefined). */
  static long toInt(Object number) {
    return number instanceof Long l ? l : (long) (double) (Double) number;
  }

  static ExpressionEvaluationException cannotFetch(Object key, Object from) {
    return new ExpressionEvaluationException(
        "cannot fetch " + Values.format(key) + " from " + Values.typeName(from));
  }

  /** {@code len}: elements of a list, entries of a map, UTF-8 bytes of a string. */
  static long length(Object v) {
    if (v instanceof List<?> list) {
      return list.size();
    } else if (v instanceof Map<?, ?> map) {
      return map.size();
    } else if (v instanceof String s) {
      return utf8Length(s);
    }
    throw new ExpressionEvaluationException(
        "invalid argument for len (type " + Values.typeName(v) + ")");
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
