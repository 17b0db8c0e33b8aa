package dev.rollouts.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.cluster.RolloutActions;
import dev.rollouts.cli.cluster.RolloutReader;
import dev.rollouts.cli.cluster.Undo;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * The {@code PUT} routes: promote ({@code {"full": bool}}), abort, retry, restart, {@code
 * undo/{revision}} and {@code set/{container}/{image…}/{tag}}, made with the CLI's {@link
 * RolloutActions} and {@link Undo}, so that the dashboard and the {@code rollouts} verbs write the
 * same patches. A Rollout, revision or container that does not exist is 404; other refusals of the
 * actions are 400.
 */
final class Actions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Clock clock;

  Actions(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Runs the action {@code action} on Rollout {@code name}; returns the Rollout as written. */
  Object run(String namespace, String name, List<String> action, byte[] body) {
    RolloutActions actions = new RolloutActions(client, namespace);
    try {
      RolloutResource result =
          switch (action.get(0)) {
            case "promote" -> only(action, actions.promote(name, bool(body, "full")));
            case "abort" -> only(action, actions.abort(name));
            case "retry" -> only(action, actions.retry(name));
            case "restart" -> only(action, actions.restart(name, clock.instant()));
            case "undo" -> undo(namespace, name, action);
            case "set" -> setImage(actions, name, action);
            default -> throw new ApiError(404, "no such action: " + action.get(0));
          };
      return result;
    } catch (CommandFailure e) {
      boolean missing =
          e.getMessage().equals(RolloutReader.notFound(name, namespace).getMessage())
              || e.getMessage().startsWith("unable to find");
      throw new ApiError(missing ? 404 : 400, e.getMessage(), e);
    }
  }

  private static RolloutResource only(List<String> action, RolloutResource rollout) {
    if (action.size() != 1) {
      throw new ApiError(404, "no such API path: " + String.join("/", action));
    }
    return rollout;
  }

  private RolloutResource undo(String namespace, String name, List<String> action) {
    if (action.size() != 2) {
      throw new ApiError(404, "expected undo/{revision}");
    }
    long revision;
    try {
      revision = Long.parseLong(action.get(1));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "revision must be a number, was \"" + action.get(1) + "\"");
    }
    if (revision < 0) {
      throw new ApiError(400, "revision must not be negative");
    }
    new Undo(client, namespace).toRevision(name, revision);
    return new RolloutReader(client, namespace).get(name);
  }

  /** {@code set/{container}/{image…}/{tag}}: the image is every segment between, joined by /. */
  private static RolloutResource setImage(
      RolloutActions actions, String name, List<String> action) {
    if (action.size() < 4) {
      throw new ApiError(404, "expected set/{container}/{image}/{tag}");
    }
    String container = action.get(1);
    String image = String.join("/", action.subList(2, action.size() - 1));
    String tag = action.get(action.size() - 1);
    if (container.isEmpty() || image.isEmpty() || tag.isEmpty()) {
      throw new ApiError(400, "container, image and tag must not be empty");
    }
    return actions.setImage(name, container, image + ":" + tag);
  }

  private static boolean bool(byte[] body, String field) {
    if (body.length == 0) {
      return false;
    }
    try (InputStream in = new ByteArrayInputStream(body)) {
      var tree = JSON.readTree(in);
      if (tree == null || !tree.isObject()) {
        throw new ApiError(400, "the request body must be a JSON object");
      }
      return tree.path(field).asBoolean(false);
    } catch (IOException e) {
      throw new ApiError(400, "the request body is not JSON: " + e.getMessage(), e);
    }
  }
}
