package dev.rollouts.cli.simulate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.EditReplacePatchable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ReplicaSet controller and the kubelets of a cluster do, in miniature: for every
 * ReplicaSet it creates real Pod objects (named {@code <replicaset>-<5 characters>}, labelled and
 * owned as Kubernetes does), which start as {@code ContainerCreating} and become {@code Running}
 * and ready after the start delay; scaled-down pods are {@code Terminating} for the stop delay,
 * then deleted; a deleted ReplicaSet's pods go at once. Each ReplicaSet's status ({@code replicas},
 * {@code readyReplicas}, {@code availableReplicas}, {@code observedGeneration}) follows its pods.
 *
 * <p>Pods whose containers use a failing image never become ready: after the start delay they are
 * in {@code CrashLoopBackOff}. Scaling down removes pods that are not ready first, then the newest.
 *
 * <p>All work happens on one thread, in the order events arrive, and every ReplicaSet is looked at
 * again each second, so that a failed write is made again; the simulator is the only writer of pods
 * and of ReplicaSet status.
 */
public final class PodSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PodSimulator.class);
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /** One simulated pod; touched on the simulator's thread only. */
  private static final class SimPod {
    final String name;
    final Instant created;
    boolean ready;
    boolean terminating;

    SimPod(String name, Instant created) {
      this.name = name;
      this.created = created;
    }
  }

  private final KubernetesClient client;
  private final Duration startDelay;
  private final Duration stopDelay;
  private final Set<String> failingImages;
  private final Random random = new Random();
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
  private SharedIndexInformer<ReplicaSet> informer;

  /**
   * A simulator, not started.
   *
   * @param client its own client
   * @param startDelay real time from a pod's creation to its readiness
   * @param stopDelay real time a pod spends terminating
   * @param failingImages images whose pods never become ready
   */
  public PodSimulator(
      KubernetesClient client,
      Duration startDelay,
      Duration stopDelay,
      Collection<String> failingImages) {
    this.client = client;
    this.startDelay = startDelay;
    this.stopDelay = stopDelay;
    this.failingImages = Set.copyOf(failingImages);
  }

  /** Starts watching ReplicaSets in every namespace; returns once the initial list is in. */
  public PodSimulator start() {
    informer =
        client
            .apps()
            .replicaSets()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ReplicaSet rs) {
                    submit(Cache.metaNamespaceKeyFunc(rs), rs);
                  }

                  @Override
                  public void onUpdate(ReplicaSet oldRs, ReplicaSet rs) {
                    submit(Cache.metaNamespaceKeyFunc(rs), rs);
                  }

                  @Override
                  public void onDelete(ReplicaSet rs, boolean deletedFinalStateUnknown) {
                    submit(Cache.metaNamespaceKeyFunc(rs), null);
                  }
                },
                0L);
    executor.scheduleWithFixedDelay(
        () -> List.copyOf(replicaSets.keySet()).forEach(key -> guarded(() -> reconcile(key))),
        1,
        1,
        TimeUnit.SECONDS);
    return this;
  }

  private void submit(String key, ReplicaSet rs) {
    executor.execute(
        () -> {
          if (rs == null) {
            replicaSets.remove(key);
          } else {
            replicaSets.put(key, rs);
          }
          guarded(() -> reconcile(key));
        });
  }

  private void reconcile(String key) {
    ReplicaSet rs = replicaSets.get(key);
    List<SimPod> owned = pods.computeIfAbsent(key, k -> new ArrayList<>());
    if (rs == null) {
      owned.forEach(p -> delete(key, p));
      pods.remove(key);
      written.remove(key);
      return;
    }
    int wanted = Optional.ofNullable(rs.getSpec().getReplicas()).orElse(1);
    List<SimPod> active = owned.stream().filter(p -> !p.terminating).toList();
    for (int i = active.size(); i < wanted; i++) {
      create(key, rs, owned);
    }
    active.stream()
        .sorted(
            Comparator.comparing((SimPod p) -> p.ready)
                .thenComparing((SimPod p) -> p.created, Comparator.reverseOrder()))
        .limit(Math.max(0, active.size() - wanted))
        .forEach(p -> terminate(key, p));
    writeStatus(key);
  }

  private void create(String key, ReplicaSet rs, List<SimPod> owned) {
    String name = rs.getMetadata().getName() + "-" + suffix();
    Pod pod = SimulatedPods.creating(rs, name);
    client.pods().inNamespace(rs.getMetadata().getNamespace()).resource(pod).create();
    SimPod simPod = new SimPod(name, Instant.now());
    owned.add(simPod);
    executor.schedule(
        () -> guarded(() -> started(key, simPod)), startDelay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void started(String key, SimPod pod) {
    ReplicaSet rs = replicaSets.get(key);
    if (rs == null || pod.terminating || !pods.getOrDefault(key, List.of()).contains(pod)) {
      return;
    }
    List<Container> containers = rs.getSpec().getTemplate().getSpec().getContainers();
    boolean failing =
        containers.stream().map(Container::getImage).anyMatch(failingImages::contains);
    PodStatus status =
        failing ? SimulatedPods.crashLooping(containers) : SimulatedPods.running(containers);
    patch(
        podResource(rs.getMetadata().getNamespace(), pod.name).subresource("status"),
        "/status",
        status);
    pod.ready = !failing;
    writeStatus(key);
  }

  private void terminate(String key, SimPod pod) {
    pod.terminating = true;
    String namespace = key.substring(0, key.indexOf('/'));
    try {
      patch(
          podResource(namespace, pod.name),
          "/metadata/deletionTimestamp",
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      executor.schedule(
          () -> guarded(() -> delete(key, pod)), stopDelay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (KubernetesClientException e) {
      delete(key, pod);
    }
  }

  private void delete(String key, SimPod pod) {
    podResource(key.substring(0, key.indexOf('/')), pod.name).delete();
    Optional.ofNullable(pods.get(key)).ifPresent(list -> list.remove(pod));
  }

  /** Brings the ReplicaSet's status to its pods, if it is not there already. */
  private void writeStatus(String key) {
    ReplicaSet rs = replicaSets.get(key);
    if (rs == null) {
      return;
    }
    List<SimPod> active =
        pods.getOrDefault(key, List.of()).stream().filter(p -> !p.terminating).toList();
    int ready = (int) active.stream().filter(p -> p.ready).count();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("replicas", active.size());
    status.put("fullyLabeledReplicas", active.size());
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put(
        "observedGeneration", Objects.requireNonNullElse(rs.getMetadata().getGeneration(), 1L));
    if (status.equals(written.get(key))) {
      return;
    }
    String namespace = rs.getMetadata().getNamespace();
    patch(
        client
            .apps()
            .replicaSets()
            .inNamespace(namespace)
            .withName(rs.getMetadata().getName())
            .subresource("status"),
        "/status",
        status);
    written.put(key, status);
  }

  private PodResource podResource(String namespace, String name) {
    return client.pods().inNamespace(namespace).withName(name);
  }

  private void patch(EditReplacePatchable<?> resource, String path, Object value) {
    Object tree =
        value instanceof PodStatus s
            ? client.getKubernetesSerialization().convertValue(s, Map.class)
            : value;
    String json =
        client
            .getKubernetesSerialization()
            .asJson(List.of(Map.of("op", "add", "path", path, "value", tree)));
    resource.patch(PatchContext.of(PatchType.JSON), json);
  }

  private String suffix() {
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return s.toString();
  }

  /** Runs a step; a failed API call is logged and the step dropped (the next event redoes it). */
  private static void guarded(Runnable step) {
    try {
      step.run();
    } catch (KubernetesClientException e) {
      LOG.debug("pod simulator: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    executor.shutdownNow();
  }
}
