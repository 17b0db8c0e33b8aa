package dev.rollouts.notifications.template;

/** Go's {@code strconv.Quote}: double quotes, Go escapes, non-printable runes as {@code \\u}. */
final class GoQuote {

  private GoQuote() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(cp -> out.append(escapeRune(cp, '"')));
    return out.append('"').toString();
  }

  static String escapeRune(int cp, char quote) {
    if (cp == quote || cp == '\\') {
      return "\\" + (char) cp;
    }
    switch (cp) {
      case 0x07:
        return "\\a";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case 0x0b:
        return "\\v";
      default:
        break;
    }
    if (cp < 0x20 || cp == 0x7f) {
      return String.format("\\x%02x", cp);
    }
    if (!Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT) {
      return cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp);
    }
    return new String(Character.toChars(cp));
  }
}
