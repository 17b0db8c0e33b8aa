package dev.rollouts.cli.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RolloutInfo} as text, laid out as {@code kubectl argo rollouts get rollout} lays it out:
 * the summary, then the tree of revisions, ReplicaSets and pods.
 *
 * <pre>
 * Name:            demo
 * Namespace:       default
 * Status:          ॥ Paused
 * Message:         CanaryPauseStep
 * Strategy:        Canary
 *   Step:          1/6
 *   SetWeight:     20
 *   ActualWeight:  20
 * Images:          argoproj/rollouts-demo:blue (stable)
 *                  argoproj/rollouts-demo:yellow (canary)
 * Replicas:
 *   Desired:       5
 *   Current:       6
 *   Updated:       1
 *   Ready:         6
 *   Available:     6
 *
 * NAME                                KIND        STATUS     AGE  INFO
 * ⟳ demo                              Rollout     ॥ Paused   40s
 * ├──# revision:2
 * │  └──⧉ demo-5b6cd6b7c7             ReplicaSet  ✔ Healthy  8s   canary
 * │     └──□ demo-5b6cd6b7c7-dxb2l    Pod         ✔ Running  8s   ready:1/1
 * └──# revision:1
 *    └──⧉ demo-7d8f9c6b5             ReplicaSet  ✔ Healthy  40s  stable
 *       ├──□ demo-7d8f9c6b5-2kx4z     Pod         ✔ Running  40s  ready:1/1
 *       …
 * </pre>
 *
 * <p>With colour, icons and role tags are coloured as Argo colours them (green for healthy and
 * stable, yellow for canary, blue for progressing and preview, red for failures).
 */
public final class TreeView {

  private static final String FIELD = "%-17s%s";

  private final boolean colour;

  private TreeView(boolean colour) {
    this.colour = colour;
  }

  /** Plain text. */
  public static TreeView plain() {
    return new TreeView(false);
  }

  /** Text with ANSI colours, for a terminal. */
  public static TreeView coloured() {
    return new TreeView(true);
  }

  /** The summary and the tree of {@code info}, ages and delays as of {@code time}. */
  public String render(RolloutInfo info, ViewTime time) {
    return summary(info) + "\n" + tree(info, time);
  }

  /** The summary above the tree. */
  public String summary(RolloutInfo info) {
    StringBuilder out = new StringBuilder();
    field(out, "Name:", info.name());
    field(out, "Namespace:", info.namespace());
    field(out, "Status:", paint(info.icon()) + " " + info.phase().phase());
    if (!info.phase().message().isEmpty()) {
      field(out, "Message:", info.phase().message());
    }
    field(out, "Strategy:", info.strategy());
    if (info.strategy().equals("Canary")) {
      field(out, "  Step:", info.step().orElse(""));
      field(out, "  SetWeight:", info.setWeight().map(String::valueOf).orElse(""));
      field(out, "  ActualWeight:", info.actualWeight().map(String::valueOf).orElse(""));
    }
    List<ImageInfo> images = info.images();
    for (int i = 0; i < images.size(); i++) {
      field(out, i == 0 ? "Images:" : "", image(images.get(i)));
    }
    out.append("Replicas:\n");
    field(out, "  Desired:", String.valueOf(info.desired()));
    field(out, "  Current:", String.valueOf(info.current()));
    field(out, "  Updated:", String.valueOf(info.updated()));
    field(out, "  Ready:", String.valueOf(info.ready()));
    field(out, "  Available:", String.valueOf(info.available()));
    return out.toString();
  }

  /** The tree: the Rollout, its revisions, their ReplicaSets and pods. */
  public String tree(RolloutInfo info, ViewTime time) {
    Table table = new Table().row("NAME", "KIND", "STATUS", "AGE", "INFO");
    table.row(
        Icons.ROLLOUT + " " + info.name(),
        "Rollout",
        paint(info.icon()) + " " + info.phase().phase(),
        age(info.created(), time),
        "");
    List<Integer> revisions = info.revisions();
    for (int r = 0; r < revisions.size(); r++) {
      boolean lastRevision = r == revisions.size() - 1;
      int revision = revisions.get(r);
      table.row(
          branch(lastRevision, "") + Icons.REVISION + " revision:" + revision, "", "", "", "");
      String revisionIndent = indent(lastRevision, "");
      List<ReplicaSetInfo> replicaSets =
          info.replicaSets().stream().filter(rs -> rs.revision() == revision).toList();
      for (int s = 0; s < replicaSets.size(); s++) {
        boolean lastSet = s == replicaSets.size() - 1;
        replicaSet(
            table,
            replicaSets.get(s),
            branch(lastSet, revisionIndent),
            indent(lastSet, revisionIndent),
            time);
      }
    }
    return table.render();
  }

  private void replicaSet(
      Table table, ReplicaSetInfo rs, String prefix, String childIndent, ViewTime time) {
    List<String> infoColumn = new ArrayList<>();
    rs.tags().forEach(tag -> infoColumn.add(paint(tag)));
    rs.scaleDownDeadline()
        .ifPresent(deadline -> infoColumn.add("delay:" + delay(deadline, time.controller())));
    table.row(
        prefix + Icons.REPLICA_SET + " " + rs.name(),
        "ReplicaSet",
        paint(rs.icon()) + " " + rs.status(),
        age(rs.created(), time),
        String.join(",", infoColumn));
    for (int p = 0; p < rs.pods().size(); p++) {
      PodInfo pod = rs.pods().get(p);
      String podInfo =
          "ready:" + pod.ready() + (pod.restarts() > 0 ? ",restarts:" + pod.restarts() : "");
      table.row(
          branch(p == rs.pods().size() - 1, childIndent) + Icons.POD + " " + pod.name(),
          "Pod",
          paint(pod.icon()) + " " + pod.status(),
          age(pod.created(), time),
          podInfo);
    }
  }

  private String image(ImageInfo image) {
    if (image.tags().isEmpty()) {
      return image.image();
    }
    return image.image()
        + " ("
        + String.join(", ", image.tags().stream().map(this::paint).toList())
        + ")";
  }

  private String paint(String key) {
    return Icons.colour(key, key, colour);
  }

  private static void field(StringBuilder out, String label, String value) {
    out.append(String.format(FIELD, label, value).stripTrailing()).append('\n');
  }

  private static String branch(boolean last, String indent) {
    return indent + (last ? "└──" : "├──");
  }

  private static String indent(boolean last, String indent) {
    return indent + (last ? "   " : "│  ");
  }

  private static String age(Optional<Instant> created, ViewTime time) {
    return created.map(c -> Ages.human(Duration.between(c, time.wall()))).orElse("");
  }

  /** The time left before a scale-down deadline, or {@code passed}. */
  private static String delay(Instant deadline, Instant now) {
    return deadline.isBefore(now) ? "passed" : Ages.human(Duration.between(now, deadline));
  }
}
