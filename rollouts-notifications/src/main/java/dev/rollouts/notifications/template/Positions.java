package dev.rollouts.notifications.template;

/**
 * Go's error locations: {@code NAME:LINE} for parse errors, {@code NAME:LINE:COLUMN} at run time.
 */
final class Positions {

  private Positions() {}

  static int line(String input, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, input.length()); i++) {
      if (input.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** {@code template: NAME:LINE}, the prefix of Go's parse errors. */
  static String of(String name, String input, int offset) {
    return "template: " + name + ":" + line(input, offset);
  }

  /** {@code NAME:LINE:COLUMN}, as Go's {@code ErrorContext} (column counted in bytes from 0). */
  static String context(String name, String input, int offset) {
    int lineStart = input.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    if (offset == 0) {
      lineStart = 0;
    }
    return name + ":" + line(input, offset) + ":" + (offset - lineStart);
  }
}
