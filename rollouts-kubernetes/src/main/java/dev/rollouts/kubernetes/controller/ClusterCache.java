package dev.rollouts.kubernetes.controller;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's view of the cluster: one shared informer (one watch) per kind — Rollouts,
 * ReplicaSets, Services, Ingresses — optionally limited to one namespace and, for Rollouts, to one
 * controller instance; and the mapping of every event back to the key ({@code namespace/name}) of
 * the Rollout it concerns: through the controller owner reference, then through selectors and the
 * names a Rollout's strategy refers to.
 */
final class ClusterCache implements ClusterView, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterCache.class);

  private static final String BY_OWNER = RolloutReferences.BY_OWNER;
  private static final String BY_REFERENCE = RolloutReferences.BY_REFERENCE;

  private final Optional<String> instanceId;
  private final SharedIndexInformer<RolloutResource> rollouts;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Ingress> ingresses;

  ClusterCache(
      KubernetesClient client,
      Optional<String> namespace,
      Optional<String> instanceId,
      Duration resync,
      Consumer<String> enqueue) {
    this.instanceId = instanceId;
    long resyncMillis = resync.toMillis();

    var rolloutOps = scope(client.resources(RolloutResource.class), namespace);
    var selected =
        instanceId.isPresent()
            ? rolloutOps.withLabel(RolloutReferences.INSTANCE_ID_LABEL, instanceId.get())
            : rolloutOps.withoutLabel(RolloutReferences.INSTANCE_ID_LABEL);
    rollouts = informer(selected, resyncMillis);
    rollouts.addIndexers(Map.of(BY_REFERENCE, RolloutReferences::referencedKeys));
    replicaSets = informer(scope(client.apps().replicaSets(), namespace), resyncMillis);
    replicaSets.addIndexers(Map.of(BY_OWNER, RolloutReferences::ownerKeys));
    services = informer(scope(client.services(), namespace), resyncMillis);
    ingresses = informer(scope(client.network().v1().ingresses(), namespace), resyncMillis);

    rollouts.addEventHandler(
        handler(
            r -> {
              if (selects(r)) {
                enqueue.accept(key(r));
              }
            }));
    replicaSets.addEventHandler(handler(rs -> rolloutsOf(rs, true).forEach(enqueue)));
    services.addEventHandler(handler(s -> rolloutsOf(s, false).forEach(enqueue)));
    ingresses.addEventHandler(handler(i -> rolloutsOf(i, false).forEach(enqueue)));
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
      FilterWatchListDeletable<T, L, R> scope(
          MixedOperation<T, L, R> ops, Optional<String> namespace) {
    return namespace.isPresent() ? ops.inNamespace(namespace.get()) : ops.inAnyNamespace();
  }

  private static <T> SharedIndexInformer<T> informer(Informable<T> ops, long resyncMillis) {
    SharedIndexInformer<T> informer = ops.runnableInformer(resyncMillis);
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warn(
              "watch of {} failed, retrying: {}",
              informer.getApiTypeClass().getSimpleName(),
              t.toString());
          return true;
        });
    return informer;
  }

  /** Starts the four watches and waits until each has listed what exists. */
  void start(Duration timeout) throws Exception {
    CompletableFuture.allOf(
            rollouts.start().toCompletableFuture(),
            replicaSets.start().toCompletableFuture(),
            services.start().toCompletableFuture(),
            ingresses.start().toCompletableFuture())
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether every informer has listed once. */
  boolean hasSynced() {
    return rollouts.hasSynced()
        && replicaSets.hasSynced()
        && services.hasSynced()
        && ingresses.hasSynced();
  }

  /** The keys of every Rollout this controller manages. */
  List<String> rolloutKeys() {
    return rollouts.getStore().list().stream()
        .filter(this::selects)
        .map(ClusterCache::key)
        .toList();
  }

  /** The Rollout of this key, if this controller manages it. */
  @Override
  public Optional<RolloutResource> rollout(String key) {
    return Optional.ofNullable(rollouts.getStore().getByKey(key)).filter(this::selects);
  }

  /**
   * The Rollout and the objects around it, from the caches: its ReplicaSets (and the orphans of its
   * namespace, which it may adopt), the Services its strategy names, the Ingresses of its
   * namespace.
   */
  @Override
  public ClusterState stateOf(RolloutResource rollout) {
    return RolloutReferences.stateOf(
        rollout,
        owner -> replicaSets.getIndexer().byIndex(BY_OWNER, owner),
        namespace -> services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace),
        namespace -> ingresses.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace));
  }

  /** The {@code resourceVersion} the cache holds for {@code kind namespace/name}, if any. */
  @Override
  public Optional<String> resourceVersion(String kind, String key) {
    SharedIndexInformer<? extends HasMetadata> informer =
        switch (kind) {
          case RolloutResource.KIND -> rollouts;
          case "ReplicaSet" -> replicaSets;
          case "Service" -> services;
          case "Ingress" -> ingresses;
          default -> null;
        };
    if (informer == null) {
      // A kind without a cache here (an Event): never wait for it to show.
      return Optional.of("untracked");
    }
    return Optional.ofNullable(informer.getStore().getByKey(key))
        .map(o -> o.getMetadata().getResourceVersion());
  }

  /** Whether this controller manages {@code rollout}: the label selector, checked again in code. */
  boolean selects(RolloutResource rollout) {
    return RolloutReferences.selects(instanceId, rollout);
  }

  /** The keys of the Rollouts an event on {@code object} concerns. */
  private Collection<String> rolloutsOf(HasMetadata object, boolean adoptable) {
    return RolloutReferences.rolloutsOf(
        object,
        adoptable,
        namespace -> rollouts.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace),
        key -> rollouts.getIndexer().byIndex(BY_REFERENCE, key));
  }

  static String key(HasMetadata object) {
    return RolloutReferences.key(object);
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> onChange) {
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
    rollouts.close();
    replicaSets.close();
    services.close();
    ingresses.close();
  }
}
