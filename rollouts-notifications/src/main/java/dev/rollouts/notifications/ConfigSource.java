package dev.rollouts.notifications;

import java.util.List;

/**
 * Where the notification configurations come from: for a Rollout's namespace, the controller
 * namespace's configuration and, with self-service notifications, the Rollout namespace's own.
 * Implementations answer from a cache (the adapter's informers), never blocking on the network.
 */
@FunctionalInterface
public interface ConfigSource {

  /** One configuration and the namespace it was read from. */
  record Scoped(String namespace, NotificationConfig config, boolean selfService) {}

  /** The configurations that apply to Rollouts in {@code namespace}, each processed on its own. */
  List<Scoped> configsFor(String namespace);

  /** One fixed configuration, as if read from {@code namespace}. */
  static ConfigSource of(String namespace, NotificationConfig config) {
    return ns -> List.of(new Scoped(namespace, config, false));
  }
}
