package dev.rollouts.cli.live;

import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where a live view goes. Each call of {@link #show} passes what is true now; the screen decides
 * what to print: a terminal redraws in place, snapshots are printed when something shown changed,
 * JSON is printed per Rollout that changed.
 *
 * <p>Events are one-line notes of what a simulation did ("promoted rollout demo"); a watch of a
 * real cluster has none.
 */
public interface Screen {

  /**
   * Shows the Rollouts as they are now.
   *
   * @param rollouts the Rollouts, in a stable order
   * @param time the clocks for ages and delays
   * @param elapsed time since the start, as the caption shows it (simulated time in a simulation)
   * @param events what happened since the last call, oldest first
   */
  void show(List<RolloutInfo> rollouts, ViewTime time, Duration elapsed, List<String> events);

  /** How a live view prints. */
  enum Mode {
    /** Redraw in place, with colours: for a terminal. */
    TERMINAL,
    /**
     * Print the whole view each time it changes, separated by a caption line: for a file or a pipe.
     */
    SNAPSHOTS,
    /** One JSON object per line for each Rollout that changed, and one per event: for tools. */
    JSON
  }

  /**
   * A screen printing to {@code out}.
   *
   * @param caption whether to head each view with the elapsed time (a simulation does)
   * @param colour whether a terminal screen may use colours
   */
  static Screen of(Mode mode, PrintWriter out, boolean caption, boolean colour) {
    return switch (mode) {
      case TERMINAL -> new TerminalScreen(out, caption, colour);
      case SNAPSHOTS -> new SnapshotScreen(out, caption);
      case JSON -> new JsonScreen(out);
    };
  }

  /**
   * The mode for standard output: {@code JSON} if asked for, {@code TERMINAL} when standard output
   * is an interactive terminal that understands escape codes, else {@code SNAPSHOTS}.
   */
  static Mode detect(boolean json) {
    if (json) {
      return Mode.JSON;
    }
    String term = System.getenv("TERM");
    boolean terminal = System.console() != null && term != null && !term.equals("dumb");
    return terminal ? Mode.TERMINAL : Mode.SNAPSHOTS;
  }

  /** Seconds with one decimal: {@code 12.3s}. */
  static String seconds(Duration elapsed) {
    return String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0);
  }
}
