package dev.rollouts.expr;

/** Go's string-literal escapes, both ways: reading a quoted literal and writing one. */
final class Strings {
  private Strings() {}

  /**
   * Reads the literal quoted by {@code src.charAt(start)} ({@code '} or {@code "}) into {@code
   * out}, unescaping Go's escapes: {@code \n \t \\ \' \" \a \b \f \r \v}, {@code \xHH}, {@code
   * \ooo} (octal), and the Unicode forms (backslash, then {@code u} with 4 hex digits, {@code U}
   * with 8, or {@code u{...}} with 1 to 6).
   *
   * @return the offset just after the closing quote
   * @throws ExpressionSyntaxException for a bad escape or a literal not closed on its line
   */
  static int unquote(String src, int start, StringBuilder out) {
    char quote = src.charAt(start);
    int i = start + 1;
    while (true) {
      if (i >= src.length() || src.charAt(i) == '\n') {
        throw new ExpressionSyntaxException(src, i, "literal not terminated");
      }
      char c = src.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= src.length()) {
        throw new ExpressionSyntaxException(src, i, "literal not terminated");
      }
      char e = src.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '\\', '\'', '"', '`', '?' -> out.append(e);
        case 'x', 'u', 'U' -> {
          if (e == 'u' && i < src.length() && src.charAt(i) == '{') {
            int close = src.indexOf('}', i);
            if (close < 0 || close == i + 1 || close - i - 1 > 6) {
              throw new ExpressionSyntaxException(src, i, "invalid char escape");
            }
            out.appendCodePoint(codePoint(src, i + 1, close));
            i = close + 1;
          } else {
            int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (i + n > src.length()) {
              throw new ExpressionSyntaxException(src, i, "invalid char escape");
            }
            int cp = codePoint(src, i, i + n);
            if (e == 'x') {
              out.append((char) cp);
            } else {
              out.appendCodePoint(cp);
            }
            i += n;
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > src.length()) {
            throw new ExpressionSyntaxException(src, i, "invalid char escape");
          }
          int v = 0;
          for (int k = i - 1; k < i + 2; k++) {
            char d = src.charAt(k);
            if (d < '0' || d > '7') {
              throw new ExpressionSyntaxException(src, k, "invalid char escape");
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw new ExpressionSyntaxException(src, i - 1, "invalid char escape");
          }
          out.append((char) v);
          i += 2;
        }
        default -> throw new ExpressionSyntaxException(src, i - 1, "invalid char escape");
      }
    }
  }

  private static int codePoint(String src, int from, int to) {
    int cp = 0;
    for (int k = from; k < to; k++) {
      int d = Character.digit(src.charAt(k), 16);
      if (d < 0) {
        throw new ExpressionSyntaxException(src, k, "invalid char escape");
      }
      cp = cp * 16 + d;
      if (cp > Character.MAX_CODE_POINT) {
        throw new ExpressionSyntaxException(src, k, "invalid char escape");
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      throw new ExpressionSyntaxException(src, from, "invalid char escape");
    }
    return cp;
  }

  /** A double-quoted literal that reads back as {@code s}. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
