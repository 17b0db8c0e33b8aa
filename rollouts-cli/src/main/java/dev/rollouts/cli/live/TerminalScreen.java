package dev.rollouts.cli.live;

import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.TreeView;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Redraws the whole view in place on every call, with the last few events below it. */
final class TerminalScreen implements Screen {

  private static final String CLEAR = "\u001b[H\u001b[2J";
  private static final int EVENTS_SHOWN = 6;

  private final PrintWriter out;
  private final boolean caption;
  private final TreeView view;
  private final Deque<String> events = new ArrayDeque<>();

  TerminalScreen(PrintWriter out, boolean caption, boolean colour) {
    this.out = out;
    this.caption = caption;
    this.view = colour ? TreeView.coloured() : TreeView.plain();
  }

  @Override
  public void show(List<RolloutInfo> rollouts, ViewTime time, Duration elapsed, List<String> newEvents) {
    for (String event : newEvents) {
      events.addLast("[" + Screen.seconds(elapsed) + "] " + event);
      while (events.size() > EVENTS_SHOWN) {
        events.removeFirst();
      }
    }
    StringBuilder frame = new StringBuilder(CLEAR);
    if (caption) {
      frame.append("rollouts simulate · ").append(Screen.seconds(elapsed)).append(" · Ctrl-C to stop\n\n");
    }
    for (RolloutInfo info : rollouts) {
      frame.append(view.render(info, time)).append('\n');
    }
    events.forEach(e -> frame.append(e).append('\n'));
    out.print(frame);
    out.flush();
  }
}
