package dev.rollouts.cli.live;

import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Rollouts, ReplicaSets and pods of one namespace (or of all), kept current by three informers,
 * and a counter of changes to wait on.
 *
 * <pre>{@code
 * try (RolloutWatch watch = RolloutWatch.start(client, Optional.of("shop"), Map.of("app", "web"))) {
 *   long seen = 0;
 *   while (true) {
 *     seen = watch.awaitChange(seen, Duration.ofSeconds(1));
 *     watch.snapshot("shop", "web").ifPresent(s -> show(s));
 *   }
 * }
 * }</pre>
 */
public final class RolloutWatch implements AutoCloseable {

  private final SharedIndexInformer<RolloutResource> rollouts;
  private final Optional<SharedIndexInformer<ReplicaSet>> replicaSets;
  private final Optional<SharedIndexInformer<Pod>> pods;
  private final Object lock = new Object();
  private long changes;

  private RolloutWatch(
      KubernetesClient client, Optional<String> namespace, Optional<Map<String, String>> labels) {
    ResourceEventHandler<HasMetadata> onChange = handler();
    rollouts = scope(client.resources(RolloutResource.class), namespace).runnableInformer(0);
    replicaSets =
        labels.map(
            l -> scope(client.apps().replicaSets(), namespace).withLabels(l).runnableInformer(0));
    pods = labels.map(l -> scope(client.pods(), namespace).withLabels(l).runnableInformer(0));
    rollouts.addEventHandler(cast(onChange));
    replicaSets.ifPresent(i -> i.addEventHandler(cast(onChange)));
    pods.ifPresent(i -> i.addEventHandler(cast(onChange)));
  }

  /**
   * Starts watching and returns once each informer has listed what exists.
   *
   * @param namespace the namespace; empty for all
   * @param labels only ReplicaSets and pods with these labels (the Rollout's selector); empty for
   *     all
   */
  public static RolloutWatch start(
      KubernetesClient client, Optional<String> namespace, Map<String, String> labels) {
    return start(new RolloutWatch(client, namespace, Optional.of(labels)));
  }

  /** Starts watching Rollouts only: their snapshots have no ReplicaSets and no pods. */
  public static RolloutWatch rolloutsOnly(KubernetesClient client, Optional<String> namespace) {
    return start(new RolloutWatch(client, namespace, Optional.empty()));
  }

  private static RolloutWatch start(RolloutWatch watch) {
    try {
      watch.rollouts.start().toCompletableFuture().join();
      watch.replicaSets.ifPresent(i -> i.start().toCompletableFuture().join());
      watch.pods.ifPresent(i -> i.start().toCompletableFuture().join());
    } catch (RuntimeException e) {
      watch.close();
      throw e;
    }
    return watch;
  }

  /**
   * Waits until something changed after change number {@code seen}, or {@code timeout} passed.
   *
   * @return the number of the latest change
   */
  public long awaitChange(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (changes == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return changes;
    }
  }

  /**
   * Waits until nothing has changed for {@code quiet}, or {@code limit} passed: until the API
   * server has no more events to send to this watch.
   */
  public void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long seen = awaitChange(-1, Duration.ZERO);
    while (System.nanoTime() < deadline) {
      long latest = awaitChange(seen, quiet);
      if (latest == seen) {
        return;
      }
      seen = latest;
    }
  }

  /** Every Rollout watched, by namespace and name, with its objects. */
  public List<RolloutSnapshot> snapshots() {
    return rollouts.getStore().list().stream()
        .sorted(
            Comparator.comparing((RolloutResource r) -> r.getMetadata().getNamespace())
                .thenComparing(r -> r.getMetadata().getName()))
        .map(this::snapshotOf)
        .toList();
  }

  /** The Rollout {@code namespace/name} with its objects, if it exists. */
  public Optional<RolloutSnapshot> snapshot(String namespace, String name) {
    return Optional.ofNullable(rollouts.getStore().getByKey(namespace + "/" + name))
        .map(this::snapshotOf);
  }

  private RolloutSnapshot snapshotOf(RolloutResource rollout) {
    String namespace = rollout.getMetadata().getNamespace();
    return new RolloutSnapshot(
        rollout,
        replicaSets
            .map(i -> i.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace))
            .orElse(List.of()),
        pods.map(i -> i.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)).orElse(List.of()));
  }

  private ResourceEventHandler<HasMetadata> handler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(HasMetadata obj) {
        changed();
      }

      @Override
      public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
        changed();
      }

      @Override
      public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
        changed();
      }
    };
  }

  private void changed() {
    synchronized (lock) {
      changes++;
      lock.notifyAll();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<HasMetadata> handler) {
    return (ResourceEventHandler<T>) handler;
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
      FilterWatchListDeletable<T, L, R> scope(
          MixedOperation<T, L, R> ops, Optional<String> namespace) {
    return namespace.isPresent() ? ops.inNamespace(namespace.get()) : ops.inAnyNamespace();
  }

  /**
   * Stops watching, once the server has had a moment with nothing to send: fabric8's in-process API
   * server (the one {@code rollouts simulate} runs) stalls for up to a minute when a watch closes
   * just as it finishes sending an event. Waits at most half a second.
   */
  @Override
  public void close() {
    try {
      awaitQuiet(Duration.ofMillis(50), Duration.ofMillis(500));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rollouts.close();
    replicaSets.ifPresent(SharedIndexInformer::close);
    pods.ifPresent(SharedIndexInformer::close);
  }
}
