package dev.rollouts.cli.live;

import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.TreeView;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Redraws the whole view in place, with the last few events below it: at once when something
 * changed, else once a second so that ages move.
 */
final class TerminalScreen implements Screen {

  private static final String CLEAR = "\u001b[H\u001b[2J";
  private static final int EVENTS_SHOWN = 8;

  /** An unchanged view is redrawn this often, for its ages; a changed one at once. */
  private static final Duration REDRAW = Duration.ofSeconds(1);

  private final PrintWriter out;
  private final boolean caption;
  private final TreeView view;
  private final Deque<String> events = new ArrayDeque<>();
  private List<RolloutInfo> shown;
  private long drawnAt;

  TerminalScreen(PrintWriter out, boolean caption, boolean colour) {
    this.out = out;
    this.caption = caption;
    this.view = colour ? TreeView.coloured() : TreeView.plain();
  }

  @Override
  public void show(
      List<RolloutInfo> rollouts, ViewTime time, Duration elapsed, List<String> newEvents) {
    long now = System.nanoTime();
    if (newEvents.isEmpty() && rollouts.equals(shown) && now - drawnAt < REDRAW.toNanos()) {
      return;
    }
    shown = rollouts;
    drawnAt = now;
    for (String event : newEvents) {
      events.addLast("[" + Screen.seconds(elapsed) + "] " + event);
      while (events.size() > EVENTS_SHOWN) {
        events.removeFirst();
      }
    }
    StringBuilder frame = new StringBuilder(CLEAR);
    if (caption) {
      frame
          .append("rollouts simulate · ")
          .append(Screen.seconds(elapsed))
          .append(" · Ctrl-C to stop\n\n");
    }
    for (RolloutInfo info : rollouts) {
      frame.append(view.render(info, time)).append('\n');
    }
    events.forEach(e -> frame.append(e).append('\n'));
    out.print(frame);
    out.flush();
  }
}
