package dev.rollouts.cli.live;

import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.TreeView;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Prints events as they come, and the whole view whenever something in it other than an age
 * changed, each view headed by a caption line ({@code ── 12.3s ──…}) or, without captions,
 * separated by a blank line.
 */
final class SnapshotScreen implements Screen {

  private final PrintWriter out;
  private final boolean caption;
  private final TreeView view = TreeView.plain();
  private List<RolloutInfo> shown;

  SnapshotScreen(PrintWriter out, boolean caption) {
    this.out = out;
    this.caption = caption;
  }

  @Override
  public void show(
      List<RolloutInfo> rollouts, ViewTime time, Duration elapsed, List<String> events) {
    for (String event : events) {
      out.println("» " + Screen.seconds(elapsed) + "  " + event);
    }
    if (!rollouts.equals(shown) && !(shown == null && rollouts.isEmpty())) {
      if (caption) {
        String head = "── " + Screen.seconds(elapsed) + " ";
        out.println();
        out.println(head + "─".repeat(Math.max(3, 72 - head.length())));
      } else if (shown != null) {
        out.println();
      }
      for (int i = 0; i < rollouts.size(); i++) {
        if (i > 0) {
          out.println();
        }
        out.print(view.render(rollouts.get(i), time));
      }
      shown = rollouts;
    }
    out.flush();
  }
}
