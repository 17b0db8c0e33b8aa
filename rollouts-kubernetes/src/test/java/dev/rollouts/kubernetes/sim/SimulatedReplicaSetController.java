package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kube-controller-manager and the kubelets do for ReplicaSets, reduced to their status:
 * some time after a ReplicaSet's {@code spec.replicas} changes, its {@code status.replicas}, {@code
 * readyReplicas} and {@code availableReplicas} follow, written through the status subresource. Pods
 * whose containers use an image marked {@link #neverReady(String)} exist but never become ready.
 *
 * <p>By default no Pod objects are created: the Rollouts controller reads ReplicaSet status only.
 * {@link #withPods()} also keeps {@code spec.replicas} Pod objects per ReplicaSet, each made from
 * the ReplicaSet's template as it is when the pod is created (labels and annotations included) and
 * controlled by it, as the ReplicaSet controller does; what happens to a pod after that is the
 * business of whoever patches it.
 */
public final class SimulatedReplicaSetController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedReplicaSetController.class);

  private final KubernetesClient client;
  private final Duration delay;
  private final Set<String> neverReadyImages = ConcurrentHashMap.newKeySet();
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulated-replicaset-controller");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong podNames = new AtomicLong();
  private final Set<String> namespacesWithServiceAccount = ConcurrentHashMap.newKeySet();
  private volatile boolean pods;
  private volatile SharedIndexInformer<ReplicaSet> informer;

  /**
   * A controller that brings each ReplicaSet's status to its spec {@code delay} after a change.
   *
   * @param client its own client
   * @param delay how long pods take to exist and become ready (tens of milliseconds in tests)
   */
  public SimulatedReplicaSetController(KubernetesClient client, Duration delay) {
    this.client = client;
    this.delay = delay;
  }

  /** Also creates and deletes the Pod objects of each ReplicaSet from now on (see above). */
  public SimulatedReplicaSetController withPods() {
    pods = true;
    if (informer != null) {
      informer.getStore().list().forEach(this::schedule);
    }
    return this;
  }

  /** Starts watching ReplicaSets in every namespace; returns once the initial list is in. */
  public SimulatedReplicaSetController start() {
    informer =
        client
            .apps()
            .replicaSets()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ReplicaSet rs) {
                    schedule(rs);
                  }

                  @Override
                  public void onUpdate(ReplicaSet oldRs, ReplicaSet newRs) {
                    schedule(newRs);
                  }

                  @Override
                  public void onDelete(ReplicaSet rs, boolean deletedFinalStateUnknown) {}
                },
                0L);
    return this;
  }

  /** Pods of ReplicaSets whose template uses {@code image} never become ready from now on. */
  public void neverReady(String image) {
    neverReadyImages.add(image);
    if (informer != null) {
      informer.getStore().list().forEach(this::schedule);
    }
  }

  /** Pods with {@code image} become ready again. */
  public void ready(String image) {
    neverReadyImages.remove(image);
    if (informer != null) {
      informer.getStore().list().forEach(this::schedule);
    }
  }

  private void schedule(ReplicaSet rs) {
    if (!pods && desiredStatus(rs).equals(currentStatus(rs))) {
      return;
    }
    String key = Cache.metaNamespaceKeyFunc(rs);
    if (scheduled.add(key)) {
      executor.schedule(() -> reconcile(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void reconcile(String key) {
    scheduled.remove(key);
    ReplicaSet rs = informer.getStore().getByKey(key);
    if (rs == null) {
      return;
    }
    try {
      if (pods) {
        syncPods(rs);
      }
      Map<String, Object> desired = desiredStatus(rs);
      if (desired.equals(currentStatus(rs))) {
        return;
      }
      String patch =
          client
              .getKubernetesSerialization()
              .asJson(List.of(Map.of("op", "add", "path", "/status", "value", desired)));
      client
          .apps()
          .replicaSets()
          .inNamespace(rs.getMetadata().getNamespace())
          .withName(rs.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        LOG.debug("ReplicaSet {} not reconciled, trying again: {}", key, e.getMessage());
        scheduled.add(key);
        executor.schedule(() -> reconcile(key), delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Creates or deletes pods of {@code rs} until it controls {@code spec.replicas} of them. */
  private void syncPods(ReplicaSet rs) {
    String namespace = rs.getMetadata().getNamespace();
    List<Pod> owned =
        client
            .pods()
            .inNamespace(namespace)
            .withLabelSelector(rs.getSpec().getSelector())
            .list()
            .getItems()
            .stream()
            .filter(
                pod ->
                    pod.getMetadata().getOwnerReferences().stream()
                        .anyMatch(
                            o ->
                                Boolean.TRUE.equals(o.getController())
                                    && Objects.equals(o.getUid(), rs.getMetadata().getUid())))
            .sorted(Comparator.comparing((Pod pod) -> pod.getMetadata().getName()))
            .toList();
    int replicas = Optional.ofNullable(rs.getSpec().getReplicas()).orElse(1);
    for (int i = owned.size(); i < replicas; i++) {
      createPod(rs);
    }
    for (Pod extra : owned.subList(Math.min(replicas, owned.size()), owned.size())) {
      client.pods().inNamespace(namespace).withName(extra.getMetadata().getName()).delete();
    }
  }

  private void createPod(ReplicaSet rs) {
    String namespace = rs.getMetadata().getNamespace();
    if (namespacesWithServiceAccount.add(namespace)
        && client.serviceAccounts().inNamespace(namespace).withName("default").get() == null) {
      // A real API server admits no pod without its service account; no controller-manager makes
      // it.
      client
          .serviceAccounts()
          .inNamespace(namespace)
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName("default")
                  .endMetadata()
                  .build())
          .create();
    }
    PodTemplateSpec template = rs.getSpec().getTemplate();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(rs.getMetadata().getName() + "-" + podNames.incrementAndGet())
            .withNamespace(namespace)
            .withLabels(template.getMetadata().getLabels())
            .withAnnotations(template.getMetadata().getAnnotations())
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("ReplicaSet")
            .withName(rs.getMetadata().getName())
            .withUid(rs.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .endOwnerReference()
            .endMetadata()
            .withSpec(template.getSpec())
            .build();
    client.pods().inNamespace(namespace).resource(pod).create();
  }

  private Map<String, Object> desiredStatus(ReplicaSet rs) {
    int replicas = Optional.ofNullable(rs.getSpec().getReplicas()).orElse(1);
    boolean readyable =
        rs.getSpec().getTemplate() == null
            || rs.getSpec().getTemplate().getSpec() == null
            || rs.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getImage)
                .noneMatch(neverReadyImages::contains);
    int ready = readyable ? replicas : 0;
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("replicas", replicas);
    status.put("fullyLabeledReplicas", replicas);
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put(
        "observedGeneration", Optional.ofNullable(rs.getMetadata().getGeneration()).orElse(1L));
    return status;
  }

  private static Map<String, Object> currentStatus(ReplicaSet rs) {
    Map<String, Object> status = new LinkedHashMap<>();
    var s = rs.getStatus();
    status.put("replicas", s == null ? 0 : Objects.requireNonNullElse(s.getReplicas(), 0));
    status.put(
        "fullyLabeledReplicas",
        s == null ? 0 : Objects.requireNonNullElse(s.getFullyLabeledReplicas(), 0));
    status.put(
        "readyReplicas", s == null ? 0 : Objects.requireNonNullElse(s.getReadyReplicas(), 0));
    status.put(
        "availableReplicas",
        s == null ? 0 : Objects.requireNonNullElse(s.getAvailableReplicas(), 0));
    status.put(
        "observedGeneration",
        s == null ? 0L : Objects.requireNonNullElse(s.getObservedGeneration(), 0L));
    return status;
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    executor.shutdownNow();
  }
}
