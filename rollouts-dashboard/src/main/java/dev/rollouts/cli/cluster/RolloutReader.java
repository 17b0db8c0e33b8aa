package dev.rollouts.cli.cluster;

import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads Rollouts, and the ReplicaSets and pods they control, from a namespace. */
public final class RolloutReader {

  private final KubernetesClient client;
  private final String namespace;

  /** A reader of {@code namespace}. */
  public RolloutReader(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** The Rollouts of any namespace, through {@code client}. */
  public static MixedOperation<
          RolloutResource, KubernetesResourceList<RolloutResource>, Resource<RolloutResource>>
      rollouts(KubernetesClient client) {
    return client.resources(RolloutResource.class);
  }

  /**
   * The Rollout called {@code name}.
   *
   * @throws CommandFailure if there is none
   */
  public RolloutResource get(String name) {
    RolloutResource rollout = rollouts(client).inNamespace(namespace).withName(name).get();
    if (rollout == null) {
      throw notFound(name, namespace);
    }
    return rollout;
  }

  /**
   * The failure for a Rollout that does not exist: {@code rollout "web" not found in namespace
   * "shop"}.
   */
  public static CommandFailure notFound(String name, String namespace) {
    return new CommandFailure(
        "rollout \"" + name + "\" not found in namespace \"" + namespace + "\"");
  }

  /** The Rollout called {@code name}, with its ReplicaSets and their pods. */
  public RolloutSnapshot snapshot(String name) {
    RolloutResource rollout = get(name);
    List<ReplicaSet> replicaSets = replicaSetsOf(rollout);
    Map<String, String> labels = matchLabels(rollout);
    List<Pod> pods = client.pods().inNamespace(namespace).withLabels(labels).list().getItems();
    return new RolloutSnapshot(rollout, replicaSets, pods);
  }

  /** The ReplicaSets {@code rollout} controls, found by its selector's labels and its uid. */
  public List<ReplicaSet> replicaSetsOf(RolloutResource rollout) {
    return client
        .apps()
        .replicaSets()
        .inNamespace(namespace)
        .withLabels(matchLabels(rollout))
        .list()
        .getItems()
        .stream()
        .filter(rs -> isControlledBy(rs, rollout))
        .toList();
  }

  /** {@code spec.selector.matchLabels}; empty if there are none. */
  public static Map<String, String> matchLabels(RolloutResource rollout) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (rollout.getSpec().get("selector") instanceof Map<?, ?> selector
        && selector.get("matchLabels") instanceof Map<?, ?> match) {
      match.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    return labels;
  }

  /** Whether {@code owner} is {@code object}'s controller (by uid). */
  static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(ref -> Boolean.TRUE.equals(ref.getController()))
        .map(OwnerReference::getUid)
        .anyMatch(uid -> Objects.equals(uid, owner.getMetadata().getUid()));
  }
}
