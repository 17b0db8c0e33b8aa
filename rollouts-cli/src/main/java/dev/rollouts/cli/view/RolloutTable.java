package dev.rollouts.cli.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Rollouts one per line, as {@code kubectl argo rollouts list rollouts} prints them:
 *
 * <pre>
 * NAME  STRATEGY  STATUS       STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE
 * demo  Canary    Paused       1/6   20          6/6    5        1           6
 * shop  BlueGreen Healthy      -     -           3/3    3        3           3
 * </pre>
 *
 * <p>With namespaces, a NAMESPACE column comes first.
 */
public final class RolloutTable {

  private RolloutTable() {}

  /** The table of {@code rollouts}. */
  public static String render(List<RolloutInfo> rollouts, boolean namespaces) {
    Table table = new Table();
    table.row(
        cells(
            namespaces,
            "NAMESPACE",
            "NAME",
            "STRATEGY",
            "STATUS",
            "STEP",
            "SET-WEIGHT",
            "READY",
            "DESIRED",
            "UP-TO-DATE",
            "AVAILABLE"));
    for (RolloutInfo r : rollouts) {
      table.row(
          cells(
              namespaces,
              r.namespace(),
              r.name(),
              r.strategy().isEmpty() ? "unknown" : r.strategy(),
              r.phase().phase(),
              r.step().orElse("-"),
              r.setWeight().map(String::valueOf).orElse("-"),
              r.ready() + "/" + r.current(),
              String.valueOf(r.desired()),
              String.valueOf(r.updated()),
              String.valueOf(r.available())));
    }
    return table.render();
  }

  private static String[] cells(boolean namespaces, String namespace, String... rest) {
    List<String> cells = new ArrayList<>();
    if (namespaces) {
      cells.add(namespace);
    }
    cells.addAll(List.of(rest));
    return cells.toArray(String[]::new);
  }
}
