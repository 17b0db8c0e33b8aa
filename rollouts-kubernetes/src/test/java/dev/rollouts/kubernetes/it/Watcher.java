package dev.rollouts.kubernetes.it;

import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one Rollout through the test, as an auditor: every step index and phase its status went
 * through, every ReplicaSet it ever had, and the extremes of its pod counts (most pods asked for at
 * once, fewest available once it was first healthy). The invariants of a rollout are asserted on
 * these at the end.
 */
final class Watcher implements AutoCloseable {

  private final String name;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<RolloutResource> rollouts;
  private final List<Integer> stepIndices = new ArrayList<>();
  private final List<String> phases = new ArrayList<>();
  private final Set<String> replicaSetNames = ConcurrentHashMap.newKeySet();
  private final java.util.Map<Integer, Set<String>> pauseStarts = new java.util.TreeMap<>();
  private volatile boolean armed;
  private volatile String lastSeenVersion;
  private int maxPods;
  private int minAvailable = Integer.MAX_VALUE;

  Watcher(KubernetesClient client, String namespace, String name) {
    this.name = name;
    this.replicaSets = client.apps().replicaSets().inNamespace(namespace).runnableInformer(0);
    this.rollouts =
        client.resources(RolloutResource.class).inNamespace(namespace).runnableInformer(0);
    replicaSets.addEventHandler(handler(rs -> count()));
    rollouts.addEventHandler(handler(this::onRollout));
    replicaSets.run();
    rollouts.run();
  }

  /** From now on, count the fewest available pods (call once the Rollout is first healthy). */
  void arm() {
    armed = true;
  }

  private synchronized void onRollout(RolloutResource r) {
    if (!r.getMetadata().getName().equals(name)) {
      return;
    }
    lastSeenVersion = r.getMetadata().getResourceVersion();
    Object index = r.getStatus().get("currentStepIndex");
    Integer step = index instanceof Number n ? n.intValue() : null;
    if (step != null
        && (stepIndices.isEmpty()
            || !Objects.equals(stepIndices.get(stepIndices.size() - 1), step))) {
      stepIndices.add(step);
    }
    if (step != null && r.getStatus().get("pauseConditions") instanceof List<?> pauses) {
      for (Object p : pauses) {
        if (p instanceof java.util.Map<?, ?> m) {
          pauseStarts
              .computeIfAbsent(step, k -> new java.util.TreeSet<>())
              .add(String.valueOf(m.get("startTime")));
        }
      }
    }
    Object phase = r.getStatus().get("phase");
    if (phase != null && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase))) {
      phases.add(String.valueOf(phase));
    }
  }

  private synchronized void count() {
    int pods = 0;
    int available = 0;
    for (ReplicaSet rs : replicaSets.getStore().list()) {
      if (rs.getMetadata().getOwnerReferences().stream().noneMatch(o -> o.getName().equals(name))) {
        continue;
      }
      replicaSetNames.add(rs.getMetadata().getName());
      pods += Objects.requireNonNullElse(rs.getSpec().getReplicas(), 1);
      available +=
          rs.getStatus() == null
              ? 0
              : Objects.requireNonNullElse(rs.getStatus().getAvailableReplicas(), 0);
    }
    maxPods = Math.max(maxPods, pods);
    if (armed) {
      minAvailable = Math.min(minAvailable, available);
    }
  }

  /** Waits until this watcher has seen the Rollout as {@code client} reads it now. */
  Watcher catchUp(KubernetesClient client, String namespace) {
    dev.rollouts.kubernetes.sim.Poll.until(
        "the watcher has seen the latest " + name,
        () -> {
          RolloutResource now =
              client.resources(RolloutResource.class).inNamespace(namespace).withName(name).get();
          return now.getMetadata().getResourceVersion().equals(lastSeenVersion);
        },
        () -> "last seen " + lastSeenVersion);
    return this;
  }

  /** The distinct successive values of {@code status.currentStepIndex}. */
  synchronized List<Integer> stepIndices() {
    return List.copyOf(stepIndices);
  }

  /** For each step index, the start times of the pauses seen at it: one per pause step. */
  synchronized java.util.Map<Integer, Set<String>> pauseStarts() {
    return java.util.Map.copyOf(pauseStarts);
  }

  /** The distinct successive phases. */
  synchronized List<String> phases() {
    return List.copyOf(phases);
  }

  /** Every ReplicaSet the Rollout ever owned. */
  Set<String> replicaSetNames() {
    return Set.copyOf(replicaSetNames);
  }

  /** Most pods asked for ({@code spec.replicas} summed) at any one time. */
  synchronized int maxPods() {
    return maxPods;
  }

  /** Fewest available pods at any one time since {@link #arm()}. */
  synchronized int minAvailable() {
    return minAvailable;
  }

  private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onChange.accept(obj);
      }
    };
  }

  @Override
  public void close() {
    replicaSets.close();
    rollouts.close();
  }
}
