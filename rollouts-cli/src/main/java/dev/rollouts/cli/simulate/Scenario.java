package dev.rollouts.cli.simulate;

import dev.rollouts.cli.cluster.RolloutActions;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutInfos;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user of a simulation does, and when it is over. Given each new view of the Rollouts it
 * acts as a person at a terminal would:
 *
 * <ol>
 *   <li>waits until every Rollout is Healthy (deployed, its revision stable);
 *   <li>with an image to set, sets it in every Rollout that has the container, which starts an
 *       update; without one, the simulation is over;
 *   <li>while updating: promotes a Rollout that waits in a pause without end (a canary {@code
 *       pause: {}}, a blue-green without auto-promotion), after a moment's thought, if asked to;
 *       aborts a canary once it reaches the step asked for;
 *   <li>is done when every updated Rollout is Healthy on its new revision (exit code 0), when one
 *       is Degraded (exit code 1), or when one waits for a promote it was not asked to give (exit
 *       code 0, saying so), unless it is to keep running: then it waits for someone else to
 *       promote.
 * </ol>
 *
 * <p>Every action is a one-line event for the screen.
 */
final class Scenario {

  /** How the simulation ended: the exit code and why. */
  record Outcome(int exitCode, String message) {}

  /** The container and the image {@code --set-image} names. */
  record ImageChange(String container, String image) {}

  /**
   * What the user asked for.
   *
   * @param setImage the update to start once deployed
   * @param promoteAtPause promote pauses without end
   * @param abortAtStep abort a canary when it reaches this step index
   * @param thinkTime simulated time between seeing a pause and promoting it
   * @param keepRunning wait for someone else (another terminal) to promote a pause without end,
   *     rather than ending the simulation there
   */
  record Options(
      Optional<ImageChange> setImage,
      boolean promoteAtPause,
      Optional<Integer> abortAtStep,
      Duration thinkTime,
      boolean keepRunning) {}

  /** What the scenario knows of one Rollout. */
  private static final class Track {
    long updatedGeneration;
    boolean aborted;
    boolean done;
    Optional<Instant> pausedSince = Optional.empty();
    boolean waitNoted;
  }

  private enum Stage {
    DEPLOYING,
    UPDATING
  }

  private final KubernetesClient client;
  private final Options options;
  private final Map<String, Track> tracks = new LinkedHashMap<>();
  private Stage stage = Stage.DEPLOYING;
  private Optional<Outcome> outcome = Optional.empty();

  /**
   * A scenario for the Rollouts {@code rollouts} ({@code namespace/name}).
   *
   * @param client the client its actions use
   */
  Scenario(KubernetesClient client, Options options, List<String> rollouts) {
    this.client = client;
    this.options = options;
    rollouts.forEach(key -> tracks.put(key, new Track()));
  }

  /** How it ended, once it has. */
  Optional<Outcome> outcome() {
    return outcome;
  }

  /**
   * Looks at the Rollouts as they are now, acts, and says what it did.
   *
   * @param now the controller's clock
   */
  List<String> step(List<RolloutSnapshot> snapshots, Instant now) {
    List<String> events = new ArrayList<>();
    Map<String, RolloutSnapshot> byKey = new LinkedHashMap<>();
    snapshots.forEach(s -> byKey.put(key(s.rollout()), s));
    if (outcome.isPresent() || !byKey.keySet().containsAll(tracks.keySet())) {
      return events;
    }
    if (stage == Stage.DEPLOYING) {
      deploying(byKey, events);
    } else {
      updating(byKey, now, events);
    }
    return events;
  }

  private void deploying(Map<String, RolloutSnapshot> byKey, List<String> events) {
    for (String key : tracks.keySet()) {
      RolloutInfo info = RolloutInfos.of(byKey.get(key));
      if (info.phase().phase().equals("Degraded")) {
        finish(1, "rollout '" + key + "' is Degraded: " + info.phase().message());
        return;
      }
      if (!isSettled(byKey.get(key).rollout(), info)) {
        return;
      }
    }
    tracks
        .keySet()
        .forEach(
            key ->
                events.add(
                    "rollout '"
                        + key
                        + "' is Healthy; "
                        + stable(RolloutInfos.of(byKey.get(key)))));
    if (options.setImage().isEmpty()) {
      finish(0, "deployed; give --set-image CONTAINER=IMAGE to simulate an update");
      return;
    }
    ImageChange change = options.setImage().get();
    List<String> updated = new ArrayList<>();
    for (Map.Entry<String, Track> e : List.copyOf(tracks.entrySet())) {
      RolloutResource rollout = byKey.get(e.getKey()).rollout();
      if (!RolloutActions.hasContainer(rollout, change.container())) {
        tracks.remove(e.getKey());
        continue;
      }
      RolloutResource changed =
          new RolloutActions(client, rollout.getMetadata().getNamespace())
              .setImage(rollout.getMetadata().getName(), change.container(), change.image());
      e.getValue().updatedGeneration =
          Objects.requireNonNullElse(changed.getMetadata().getGeneration(), 0L);
      updated.add(e.getKey());
      events.add(
          "set image of rollout '"
              + e.getKey()
              + "': "
              + change.container()
              + "="
              + change.image());
    }
    if (updated.isEmpty()) {
      finish(1, "no rollout has a container named \"" + change.container() + "\"");
      return;
    }
    stage = Stage.UPDATING;
  }

  private void updating(Map<String, RolloutSnapshot> byKey, Instant now, List<String> events) {
    for (Map.Entry<String, Track> e : tracks.entrySet()) {
      Track track = e.getValue();
      RolloutResource rollout = byKey.get(e.getKey()).rollout();
      if (track.done
          || Tree.integer(rollout.getStatus(), "observedGeneration").orElse(0)
              < track.updatedGeneration) {
        continue; // the controller has not seen the update yet: the status is the old revision's
      }
      RolloutInfo info = RolloutInfos.of(byKey.get(e.getKey()));
      String name = "rollout '" + e.getKey() + "'";
      if (info.phase().phase().equals("Degraded")) {
        finish(1, name + " is Degraded: " + info.phase().message());
        return;
      }
      if (isSettled(rollout, info)) {
        track.done = true;
        events.add(name + " is Healthy; " + stable(info));
      } else if (!abortAtStep(track, rollout, info, events)) {
        promoteAtPause(track, rollout, info, now, events);
      }
      if (outcome.isPresent()) {
        return;
      }
    }
    if (tracks.values().stream().allMatch(t -> t.done)) {
      finish(0, "done: the new revision is stable");
    }
  }

  /** Aborts a canary that reached the step to abort at; whether it did. */
  private boolean abortAtStep(
      Track track, RolloutResource rollout, RolloutInfo info, List<String> events) {
    if (options.abortAtStep().isEmpty() || track.aborted || !info.strategy().equals("Canary")) {
      return false;
    }
    int index = Tree.integer(rollout.getStatus(), "currentStepIndex").orElse(0);
    if (index < options.abortAtStep().get()) {
      return false;
    }
    new RolloutActions(client, info.namespace()).abort(info.name());
    track.aborted = true;
    events.add("aborted " + name(info) + " at step " + info.step().orElse(String.valueOf(index)));
    return true;
  }

  /**
   * For a Rollout waiting in a pause without end: promotes it once the think time passed, if asked
   * to; else notes it waits (keeping running) or ends the simulation there.
   */
  private void promoteAtPause(
      Track track, RolloutResource rollout, RolloutInfo info, Instant now, List<String> events) {
    Optional<String> pause = PauseWait.indefinite(rollout);
    if (pause.isEmpty()) {
      track.pausedSince = Optional.empty();
      track.waitNoted = false;
      return;
    }
    String where = info.step().map(s -> " at step " + s).orElse("") + " (" + pause.get() + ")";
    if (!options.promoteAtPause()) {
      String waits = name(info) + " is paused" + where + " and waits for a promote";
      if (!options.keepRunning()) {
        finish(0, waits + "; give --promote-at-pause to promote it");
      } else if (!track.waitNoted) {
        track.waitNoted = true;
        events.add(
            waits
                + ": rollouts promote "
                + info.name()
                + " -n "
                + info.namespace()
                + " --kubeconfig …");
      }
      return;
    }
    if (track.pausedSince.isEmpty()) {
      track.pausedSince = Optional.of(now);
    } else if (!now.isBefore(track.pausedSince.get().plus(options.thinkTime()))) {
      new RolloutActions(client, info.namespace()).promote(info.name(), false);
      track.pausedSince = Optional.empty();
      events.add("promoted " + name(info) + ", paused" + where);
    }
  }

  private static String name(RolloutInfo info) {
    return "rollout '" + info.namespace() + "/" + info.name() + "'";
  }

  private void finish(int exitCode, String message) {
    outcome = Optional.of(new Outcome(exitCode, message));
  }

  /** Healthy, and its current revision is the stable one. */
  private static boolean isSettled(RolloutResource rollout, RolloutInfo info) {
    Optional<String> stable = Tree.string(rollout.getStatus(), "stableRS");
    return info.phase().phase().equals("Healthy")
        && stable.isPresent()
        && stable.equals(Tree.string(rollout.getStatus(), "currentPodHash"));
  }

  private static String stable(RolloutInfo info) {
    return info.replicaSets().stream()
        .filter(rs -> rs.tags().contains("stable"))
        .findFirst()
        .map(
            rs -> "stable: revision " + rs.revision() + " (" + String.join(", ", rs.images()) + ")")
        .orElse("no stable revision");
  }

  private static String key(RolloutResource rollout) {
    return rollout.getMetadata().getNamespace() + "/" + rollout.getMetadata().getName();
  }
}
