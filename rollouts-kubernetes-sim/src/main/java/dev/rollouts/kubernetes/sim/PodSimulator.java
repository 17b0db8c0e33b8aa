package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ReplicaSet and Job controllers and the kubelets of a cluster do, in miniature, through
 * the API like the real ones: for every ReplicaSet it keeps {@code spec.replicas} Pod objects
 * (named {@code <replicaset>-<5 characters>}, made from the template as it is when the pod is
 * created, labelled and owned as Kubernetes does), which start {@code ContainerCreating}, then run
 * ready with an IP after the start delay; scaling down deletes the pods that are not ready first,
 * then the newest (they are {@code Terminating} for the cluster's stop delay); each ReplicaSet's
 * status follows its pods. Pods whose containers use a {@linkplain #neverReady(String) never-ready}
 * image crash-loop instead. Every Job gets one pod that succeeds after the start delay (fails, for
 * a never-ready image), and the Job's status and conditions follow.
 *
 * <p>Works against any API server (the simulated one, or a real one without kubelets). All work
 * happens on one thread, in the order events arrive, and every ReplicaSet is looked at again each
 * second, so that a failed write is made again.
 *
 * <pre>{@code
 * PodSimulator pods = PodSimulator.builder(client).startDelay(Duration.ofMillis(30)).build().start();
 * pods.neverReady("nginx:broken");
 * }</pre>
 */
public final class PodSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PodSimulator.class);

  private final KubernetesClient client;
  private final Duration startDelay;
  private final boolean graceful;
  private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pod-simulator");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ReplicaSet> replicaSets = new HashMap<>();
  private final Map<String, List<SimPod>> pods = new HashMap<>();
  private final Map<String, Map<String, Object>> written = new HashMap<>();
  private final Jobs jobs;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  private PodSimulator(Builder b) {
    this.client = b.client;
    this.startDelay = b.startDelay;
    this.graceful = b.graceful;
    this.neverReady.addAll(b.failingImages);
    this.jobs = new Jobs(client, startDelay, neverReady, executor);
  }

  /**
   * A simulator, not started, for any API server: pods ready {@code startDelay} after they are
   * made, deleted at once when scaled down (no kubelet needs to finish a graceful deletion).
   */
  public static PodSimulator of(KubernetesClient client, Duration startDelay) {
    return builder(client).startDelay(startDelay).graceful(false).build();
  }

  /** A builder of a simulator using {@code client} (give it a User-Agent of its own). */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** How pods behave. */
  public static final class Builder {
    private final KubernetesClient client;
    private Duration startDelay = Duration.ofMillis(30);
    private boolean graceful = true;
    private Collection<String> failingImages = List.of();

    private Builder(KubernetesClient client) {
      this.client = client;
    }

    /** Real time from a pod's creation to its readiness (default 30 ms). */
    public Builder startDelay(Duration delay) {
      this.startDelay = delay;
      return this;
    }

    /**
     * Whether scaled-down pods are deleted with the default grace period (they are then {@code
     * Terminating} until the API server's stop delay ends; the default), or at once (for an API
     * server with no kubelet, where a graceful deletion would never end).
     */
    public Builder graceful(boolean graceful) {
      this.graceful = graceful;
      return this;
    }

    /** Images whose pods never become ready. */
    public Builder failingImages(Collection<String> images) {
      this.failingImages = List.copyOf(images);
      return this;
    }

    public PodSimulator build() {
      return new PodSimulator(this);
    }
  }

  /** Starts watching ReplicaSets and Jobs in every namespace; returns once both lists are in. */
  public PodSimulator start() {
    informers.add(inform(client.apps().replicaSets().inAnyNamespace(), this::submit));
    informers.add(inform(client.batch().v1().jobs().inAnyNamespace(), jobs::submit));
    executor.scheduleWithFixedDelay(
        () -> List.copyOf(replicaSets.keySet()).forEach(key -> guarded(() -> reconcile(key))),
        1,
        1,
        TimeUnit.SECONDS);
    return this;
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(
      io.fabric8.kubernetes.client.dsl.Informable<T> source,
      java.util.function.BiConsumer<String, T> sink) {
    return source.inform(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T obj) {
            sink.accept(Cache.metaNamespaceKeyFunc(obj), obj);
          }

          @Override
          public void onUpdate(T oldObj, T obj) {
            sink.accept(Cache.metaNamespaceKeyFunc(obj), obj);
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            sink.accept(Cache.metaNamespaceKeyFunc(obj), null);
          }
        },
        0L);
  }

  /** Pods with {@code image} never become ready from now on; running ones crash. */
  public void neverReady(String image) {
    neverReady.add(image);
    executor.execute(
        () -> List.copyOf(replicaSets.keySet()).forEach(key -> guarded(() -> recheck(key))));
  }

  /** Pods with {@code image} become ready again. */
  public void ready(String image) {
    neverReady.remove(image);
    executor.execute(
        () -> List.copyOf(replicaSets.keySet()).forEach(key -> guarded(() -> recheck(key))));
  }

  private void submit(String key, ReplicaSet rs) {
    executor.execute(
        () -> {
          if (rs == null) {
            replicaSets.remove(key);
            pods.remove(key);
            written.remove(key);
          } else {
            replicaSets.put(key, rs);
            guarded(() -> reconcile(key));
          }
        });
  }

  private void reconcile(String key) {
    ReplicaSet rs = replicaSets.get(key);
    if (rs == null) {
      return;
    }
    List<SimPod> owned = pods.computeIfAbsent(key, k -> new ArrayList<>());
    int wanted = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    List<SimPod> active = owned.stream().filter(p -> !p.terminating).toList();
    for (int i = active.size(); i < wanted; i++) {
      create(key, rs, owned);
    }
    active.stream()
        .sorted(SimPod.SCALE_DOWN_ORDER)
        .limit(Math.max(0, active.size() - wanted))
        .forEach(p -> terminate(key, rs, p));
    writeStatus(key);
  }

  private void create(String key, ReplicaSet rs, List<SimPod> owned) {
    PodTemplateSpec template = rs.getSpec().getTemplate();
    SimPod pod = SimPod.create(client, rs, template, "ReplicaSet", "apps/v1", Map.of());
    owned.add(pod);
    executor.schedule(
        () -> guarded(() -> started(key, pod)), startDelay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void started(String key, SimPod pod) {
    if (pod.terminating || !pods.getOrDefault(key, List.of()).contains(pod)) {
      return;
    }
    pod.run(client, pod.usesAny(neverReady) ? SimPod.State.CRASHING : SimPod.State.READY);
    writeStatus(key);
  }

  /** Brings running pods in line with the never-ready images. */
  private void recheck(String key) {
    for (SimPod pod : pods.getOrDefault(key, List.of())) {
      if (pod.state != SimPod.State.CREATING && !pod.terminating) {
        SimPod.State wanted = pod.usesAny(neverReady) ? SimPod.State.CRASHING : SimPod.State.READY;
        if (wanted != pod.state) {
          pod.run(client, wanted);
        }
      }
    }
    writeStatus(key);
  }

  private void terminate(String key, ReplicaSet rs, SimPod pod) {
    pod.terminating = true;
    try {
      var resource = client.pods().inNamespace(rs.getMetadata().getNamespace()).withName(pod.name);
      if (graceful) {
        resource.delete();
      } else {
        resource.withGracePeriod(0).delete();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        pod.terminating = false;
        throw e;
      }
    }
    pods.getOrDefault(key, new ArrayList<>()).remove(pod);
  }

  /** Brings the ReplicaSet's status to its pods, if it is not there already. */
  private void writeStatus(String key) {
    ReplicaSet rs = replicaSets.get(key);
    if (rs == null) {
      return;
    }
    List<SimPod> active =
        pods.getOrDefault(key, List.of()).stream().filter(p -> !p.terminating).toList();
    int ready = (int) active.stream().filter(p -> p.state == SimPod.State.READY).count();
    Map<String, Object> status = new java.util.LinkedHashMap<>();
    status.put("replicas", active.size());
    status.put("fullyLabeledReplicas", active.size());
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put(
        "observedGeneration",
        java.util.Objects.requireNonNullElse(rs.getMetadata().getGeneration(), 1L));
    if (status.equals(written.get(key))) {
      return;
    }
    SimPod.patchStatus(
        client,
        client
            .apps()
            .replicaSets()
            .inNamespace(rs.getMetadata().getNamespace())
            .withName(rs.getMetadata().getName()),
        status);
    written.put(key, status);
  }

  /** Runs a step; a failed API call is logged and the step dropped (the next event redoes it). */
  static void guarded(Runnable step) {
    try {
      step.run();
    } catch (KubernetesClientException e) {
      LOG.debug("pod simulator: {}", e.getMessage(), e);
    } catch (RuntimeException e) {
      LOG.warn("pod simulator: a step failed", e);
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    executor.shutdownNow();
  }
}
