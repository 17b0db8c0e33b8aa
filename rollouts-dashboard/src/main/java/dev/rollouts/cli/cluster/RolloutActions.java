package dev.rollouts.cli.cluster;

import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The changes {@code kubectl argo rollouts} makes to a Rollout, made the same way, so that both
 * tools can be used on one cluster:
 *
 * <table>
 *   <caption>What each action writes</caption>
 *   <tr><th>action</th><th>{@code spec}</th><th>{@code status} (subresource)</th></tr>
 *   <tr><td>promote</td><td>{@code paused: false} if paused</td>
 *       <td>with pause conditions: remove them; else, for a canary with steps, advance {@code
 *       currentStepIndex} by one (not past the last step)</td></tr>
 *   <tr><td>promote --full</td><td></td><td>{@code promoteFull: true}, unless already fully promoted</td></tr>
 *   <tr><td>abort</td><td></td><td>{@code abort: true}</td></tr>
 *   <tr><td>retry</td><td></td><td>{@code abort: false}</td></tr>
 *   <tr><td>pause / resume</td><td>{@code paused: true} / {@code false}</td><td></td></tr>
 *   <tr><td>restart</td><td>{@code restartAt: <time>}</td><td></td></tr>
 *   <tr><td>set image</td><td>the {@code image} of the named containers (init, regular and
 *       ephemeral; {@code *} for all) in {@code template}</td><td></td></tr>
 * </table>
 *
 * <p>Undo is {@link Undo}. Each change is a JSON patch guarded by the {@code resourceVersion} that
 * was read; on 409 Conflict the Rollout is read again and the change recomputed, up to five times.
 * The status patch goes first, as in Argo's plug-in.
 */
public final class RolloutActions {

  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final String namespace;
  private final RolloutReader reader;

  /** Actions on Rollouts of {@code namespace}. */
  public RolloutActions(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.reader = new RolloutReader(client, namespace);
  }

  /** The two patches of one action. */
  record Patches(JsonPatch spec, JsonPatch status) {
    static Patches of(RolloutResource rollout) {
      Map<String, Object> tree = rollout.getAdditionalProperties();
      return new Patches(JsonPatch.of(tree), JsonPatch.of(tree));
    }
  }

  /** Promotes: ends the current pause, or moves a canary to its next step; or, full, to the end. */
  public RolloutResource promote(String name, boolean full) {
    return change(name, rollout -> full ? promoteFull(rollout) : promote(rollout));
  }

  private static Patches promote(RolloutResource rollout) {
    Patches p = Patches.of(rollout);
    Map<String, Object> spec = rollout.getSpec();
    Map<String, Object> status = rollout.getStatus();
    List<?> steps = Tree.list(spec, "strategy", "canary", "steps");
    if (Tree.isTrue(spec, "paused")) {
      p.spec().set(false, "spec", "paused");
    }
    if (!Tree.list(status, "pauseConditions").isEmpty()) {
      p.status().remove("status", "pauseConditions");
    } else if (!steps.isEmpty()) {
      int index = Tree.integer(status, "currentStepIndex").orElse(0);
      p.status()
          .remove("status", "pauseConditions")
          .set(Math.min(index + 1, steps.size()), "status", "currentStepIndex");
    }
    return p;
  }

  private static Patches promoteFull(RolloutResource rollout) {
    Patches p = Patches.of(rollout);
    if (Tree.isTrue(rollout.getSpec(), "paused")) {
      // as Argo's plugin does for promote, full or not: a paused rollout is unpaused too
      p.spec().set(false, "spec", "paused");
    }
    Optional<String> current = Tree.string(rollout.getStatus(), "currentPodHash");
    if (current.isEmpty() || !current.equals(Tree.string(rollout.getStatus(), "stableRS"))) {
      p.status().set(true, "status", "promoteFull");
    }
    return p;
  }

  /** Aborts the update: traffic and pods go back to the stable ReplicaSet. */
  public RolloutResource abort(String name) {
    return change(name, rollout -> statusField(rollout, "abort", true));
  }

  /** Retries an aborted update. */
  public RolloutResource retry(String name) {
    return change(name, rollout -> statusField(rollout, "abort", false));
  }

  /** Pauses: {@code spec.paused = true}. */
  public RolloutResource pause(String name) {
    return change(name, rollout -> specField(rollout, "paused", true));
  }

  /** Resumes a paused Rollout: {@code spec.paused = false}. */
  public RolloutResource resume(String name) {
    return change(name, rollout -> specField(rollout, "paused", false));
  }

  /** Restarts the pods at {@code at}: {@code spec.restartAt}, to the second. */
  public RolloutResource restart(String name, Instant at) {
    return change(
        name,
        rollout -> specField(rollout, "restartAt", at.truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /**
   * Sets the image of the containers called {@code container} ({@code *}: all) of the pod template.
   *
   * @throws CommandFailure if the template has no such container
   */
  public RolloutResource setImage(String name, String container, String image) {
    return change(
        name,
        rollout -> {
          List<String[]> images = imagePaths(rollout, container);
          if (images.isEmpty()) {
            throw new CommandFailure(
                "unable to find container named \"" + container + "\" in rollout \"" + name + "\"");
          }
          Patches p = Patches.of(rollout);
          images.forEach(path -> p.spec().set(image, path));
          return p;
        });
  }

  /**
   * Whether the pod template has a container called {@code container} (init, regular or ephemeral);
   * {@code *} matches any.
   */
  public static boolean hasContainer(RolloutResource rollout, String container) {
    return !imagePaths(rollout, container).isEmpty();
  }

  /** The paths of the {@code image} fields of the containers {@code container} names. */
  private static List<String[]> imagePaths(RolloutResource rollout, String container) {
    List<String[]> paths = new ArrayList<>();
    for (String kind : List.of("initContainers", "containers", "ephemeralContainers")) {
      List<?> containers = Tree.list(rollout.getSpec(), "template", "spec", kind);
      for (int i = 0; i < containers.size(); i++) {
        if (container.equals("*")
            || Tree.string(containers.get(i), "name").equals(Optional.of(container))) {
          paths.add(new String[] {"spec", "template", "spec", kind, String.valueOf(i), "image"});
        }
      }
    }
    return paths;
  }

  private static Patches statusField(RolloutResource rollout, String field, Object value) {
    Patches p = Patches.of(rollout);
    p.status().set(value, "status", field);
    return p;
  }

  private static Patches specField(RolloutResource rollout, String field, Object value) {
    Patches p = Patches.of(rollout);
    p.spec().set(value, "spec", field);
    return p;
  }

  /** Reads, computes the patches, writes them; again on a conflict. Package-private for Undo. */
  RolloutResource change(String name, Function<RolloutResource, Patches> patches) {
    for (int attempt = 1; ; attempt++) {
      RolloutResource rollout = reader.get(name);
      Patches p = patches.apply(rollout);
      try {
        if (!p.status().isEmpty()) {
          rollout =
              rollouts(name)
                  .subresource("status")
                  .patch(PatchContext.of(PatchType.JSON), p.status().toJson(version(rollout)));
        }
        if (!p.spec().isEmpty()) {
          rollout =
              rollouts(name)
                  .patch(PatchContext.of(PatchType.JSON), p.spec().toJson(version(rollout)));
        }
        return rollout;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          throw RolloutReader.notFound(name, namespace);
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Resource<RolloutResource> rollouts(String name) {
    return RolloutReader.rollouts(client).inNamespace(namespace).withName(name);
  }

  private static String version(RolloutResource rollout) {
    return rollout.getMetadata().getResourceVersion();
  }

  /** The reader these actions read with. */
  RolloutReader reader() {
    return reader;
  }
}
