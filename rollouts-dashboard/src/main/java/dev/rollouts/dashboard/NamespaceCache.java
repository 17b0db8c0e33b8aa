package dev.rollouts.dashboard;

import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Rollouts, ReplicaSets, pods and AnalysisRuns of one namespace, each kind watched by one
 * fabric8 informer shared by every viewer of the namespace; tells its listeners which Rollout a
 * change concerns (a ReplicaSet's or AnalysisRun's controller, a pod's ReplicaSet's controller).
 *
 * <p>AnalysisRuns are read as generic custom resources; where their CRD is not installed, that
 * informer stops and the Rollouts are shown without runs.
 */
final class NamespaceCache implements AutoCloseable {

  /** What a viewer is told. Called on an informer thread: must not block. */
  interface Listener {
    /** {@code rollout} (a name) changed, or an object it controls did. */
    void changed(String rollout);

    /** {@code rollout} was deleted. */
    void deleted(String rollout);
  }

  static final ResourceDefinitionContext ANALYSIS_RUNS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("AnalysisRun")
          .withPlural("analysisruns")
          .withNamespaced(true)
          .build();

  private static final String CONTROLLER = "controller";
  private static final String UID = "uid";

  private final String namespace;
  private final SharedIndexInformer<RolloutResource> rollouts;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<GenericKubernetesResource> analysisRuns;
  private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

  private NamespaceCache(KubernetesClient client, String namespace) {
    this.namespace = namespace;
    this.rollouts =
        client.resources(RolloutResource.class).inNamespace(namespace).runnableInformer(0);
    this.replicaSets = client.apps().replicaSets().inNamespace(namespace).runnableInformer(0);
    this.pods = client.pods().inNamespace(namespace).runnableInformer(0);
    this.analysisRuns =
        client.genericKubernetesResources(ANALYSIS_RUNS).inNamespace(namespace).runnableInformer(0);
    rollouts.addIndexers(Map.of(UID, r -> List.of(String.valueOf(r.getMetadata().getUid()))));
    replicaSets.addIndexers(
        Map.of(
            CONTROLLER,
            NamespaceCache::controllerUid,
            UID,
            r -> List.of(String.valueOf(r.getMetadata().getUid()))));
    pods.addIndexers(Map.of(CONTROLLER, NamespaceCache::controllerUid));
    analysisRuns.addIndexers(Map.of(CONTROLLER, NamespaceCache::controllerUid));
    rollouts.addEventHandler(
        handler(
            r -> notifyChanged(r.getMetadata().getName()),
            r -> listeners.forEach(l -> l.deleted(r.getMetadata().getName()))));
    replicaSets.addEventHandler(handler(this::ownerChanged, this::ownerChanged));
    analysisRuns.addEventHandler(handler(this::ownerChanged, this::ownerChanged));
    pods.addEventHandler(handler(this::podChanged, this::podChanged));
    analysisRuns.exceptionHandler((started, t) -> !notFound(t));
  }

  /**
   * Whether {@code t} (fabric8 wraps it in a {@code CompletionException}) is the API server's 404:
   * the AnalysisRun CRD is not installed, so the informer stops instead of retrying for ever.
   */
  static boolean notFound(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException k && k.getCode() == 404) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts the informers of {@code namespace} and waits until Rollouts, ReplicaSets and pods are
   * listed.
   *
   * @throws KubernetesClientException if the API server refused or could not be reached
   */
  static NamespaceCache start(KubernetesClient client, String namespace, Duration timeout) {
    NamespaceCache cache = new NamespaceCache(client, namespace);
    try {
      var runs = cache.analysisRuns.start().toCompletableFuture();
      for (SharedIndexInformer<?> informer :
          List.of(cache.rollouts, cache.replicaSets, cache.pods)) {
        informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      try {
        runs.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // no AnalysisRun CRD, or no right to list them: the Rollouts are shown without runs
      }
      return cache;
    } catch (ExecutionException e) {
      cache.close();
      throw e.getCause() instanceof KubernetesClientException k
          ? k
          : new KubernetesClientException("cannot watch namespace " + namespace, e.getCause());
    } catch (TimeoutException e) {
      cache.close();
      throw new KubernetesClientException(
          "the Kubernetes API server did not list namespace " + namespace + " within " + timeout,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cache.close();
      throw new KubernetesClientException("interrupted", e);
    }
  }

  String namespace() {
    return namespace;
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** The names of the Rollouts, sorted. */
  List<String> names() {
    return rollouts.getStore().list().stream()
        .map(r -> r.getMetadata().getName())
        .sorted()
        .toList();
  }

  /** The Rollout {@code name} with its ReplicaSets and their pods, if it exists. */
  Optional<RolloutSnapshot> snapshot(String name) {
    RolloutResource rollout = rollouts.getStore().getByKey(namespace + "/" + name);
    if (rollout == null) {
      return Optional.empty();
    }
    String uid = String.valueOf(rollout.getMetadata().getUid());
    List<ReplicaSet> sets = replicaSets.getIndexer().byIndex(CONTROLLER, uid);
    List<Pod> owned = new ArrayList<>();
    for (ReplicaSet rs : sets) {
      owned.addAll(pods.getIndexer().byIndex(CONTROLLER, rs.getMetadata().getUid()));
    }
    owned.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    return Optional.of(new RolloutSnapshot(rollout, sets, owned));
  }

  /** The AnalysisRuns {@code snapshot}'s Rollout controls. */
  List<GenericKubernetesResource> analysisRuns(RolloutSnapshot snapshot) {
    return analysisRuns
        .getIndexer()
        .byIndex(CONTROLLER, String.valueOf(snapshot.rollout().getMetadata().getUid()));
  }

  private void ownerChanged(HasMetadata object) {
    for (String uid : controllerUid(object)) {
      rollouts
          .getIndexer()
          .byIndex(UID, uid)
          .forEach(r -> notifyChanged(r.getMetadata().getName()));
    }
  }

  private void podChanged(Pod pod) {
    for (String uid : controllerUid(pod)) {
      replicaSets.getIndexer().byIndex(UID, uid).forEach(this::ownerChanged);
    }
  }

  private void notifyChanged(String name) {
    listeners.forEach(l -> l.changed(name));
  }

  private static List<String> controllerUid(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .map(OwnerReference::getUid)
        .filter(uid -> uid != null)
        .toList();
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> changed, Consumer<T> deleted) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        changed.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        changed.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        deleted.accept(obj);
      }
    };
  }

  @Override
  public void close() {
    List.of(rollouts, replicaSets, pods, analysisRuns).forEach(SharedIndexInformer::stop);
  }
}
