package dev.rollouts.cli.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns aligned as Go's {@code tabwriter} aligns them with a padding of two: every column but the
 * last is as wide as its widest cell plus two spaces; the last column is not padded. Widths count
 * characters as a terminal shows them: ANSI colour codes count for nothing. Trailing spaces are
 * removed from every line.
 */
final class Table {

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final int PADDING = 2;

  private final List<List<String>> rows = new ArrayList<>();

  /** Adds a row. */
  Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  /** The rows, aligned, each ending with a newline. */
  String render() {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size() - 1; c++) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        line.append(cell);
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - width(cell) + PADDING));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  static int width(String cell) {
    String visible = ANSI.matcher(cell).replaceAll("");
    return visible.codePointCount(0, visible.length());
  }
}
