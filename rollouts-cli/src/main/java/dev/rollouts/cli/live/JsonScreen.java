package dev.rollouts.cli.live;

import dev.rollouts.cli.view.JsonView;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.ViewTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of JSON per Rollout that changed ({@link JsonView}, with {@code "elapsed"} seconds
 * added) and one per event: {@code {"kind":"Event","elapsed":12.3,"message":"…"}}.
 */
final class JsonScreen implements Screen {

  private final PrintWriter out;
  private final Map<String, RolloutInfo> shown = new HashMap<>();

  JsonScreen(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void show(
      List<RolloutInfo> rollouts, ViewTime time, Duration elapsed, List<String> events) {
    double seconds = elapsed.toMillis() / 1000.0;
    for (String event : events) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("kind", "Event");
      line.put("elapsed", seconds);
      line.put("message", event);
      out.println(JsonView.write(line));
    }
    for (RolloutInfo info : rollouts) {
      String key = info.namespace() + "/" + info.name();
      if (!info.equals(shown.get(key))) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "Rollout");
        line.put("elapsed", seconds);
        line.putAll(JsonView.toMap(info));
        out.println(JsonView.write(line));
        shown.put(key, info);
      }
    }
    out.flush();
  }
}
