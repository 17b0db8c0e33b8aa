package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated pod, as its kubelet reports it: {@code ContainerCreating}, then running and ready
 * with an IP, crash-looping, or (for a Job's pod) succeeded or failed. Touched on the simulator's
 * thread only.
 */
final class SimPod {

  enum State {
    CREATING,
    READY,
    CRASHING,
    SUCCEEDED,
    FAILED
  }

  /** Not-ready pods first, then the newest: the ReplicaSet controller's scale-down order. */
  static final Comparator<SimPod> SCALE_DOWN_ORDER =
      Comparator.comparing((SimPod p) -> p.state == State.READY)
          .thenComparing((SimPod p) -> p.created, Comparator.reverseOrder());

  static final String NODE = "simulated-node";
  private static final AtomicInteger IPS = new AtomicInteger();
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  final String name;
  final String namespace;
  final Instant created;
  final List<String> images;
  final List<String> containers;
  State state = State.CREATING;
  boolean terminating;
  private String ip;

  private SimPod(String name, String namespace, List<Container> containers) {
    this.name = name;
    this.namespace = namespace;
    this.created = Instant.now();
    this.images = containers.stream().map(Container::getImage).toList();
    this.containers = containers.stream().map(Container::getName).toList();
  }

  boolean usesAny(Set<String> images) {
    return this.images.stream().anyMatch(images::contains);
  }

  /** Creates the pod of {@code owner} from {@code template}, scheduled to the simulated node. */
  static SimPod create(
      KubernetesClient client,
      HasMetadata owner,
      PodTemplateSpec template,
      String kind,
      String apiVersion,
      Map<String, String> extraLabels) {
    String name = owner.getMetadata().getName() + "-" + suffix();
    String ns = owner.getMetadata().getNamespace();
    Map<String, String> labels = new LinkedHashMap<>();
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      labels.putAll(template.getMetadata().getLabels());
    }
    labels.putAll(extraLabels);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .withLabels(labels)
            .withAnnotations(
                template.getMetadata() == null ? Map.of() : template.getMetadata().getAnnotations())
            .addNewOwnerReference()
            .withApiVersion(apiVersion)
            .withKind(kind)
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .endOwnerReference()
            .endMetadata()
            .withSpec(template.getSpec())
            .editSpec()
            .withNodeName(NODE)
            .endSpec()
            .build();
    SimPod simPod = new SimPod(name, ns, template.getSpec().getContainers());
    // One write: the simulated API server keeps a new pod's status (a real one resets it, and the
    // status write that follows in run() sets it again).
    pod.setStatus(
        client
            .getKubernetesSerialization()
            .convertValue(simPod.status(), io.fabric8.kubernetes.api.model.PodStatus.class));
    client.pods().inNamespace(ns).resource(pod).create();
    return simPod;
  }

  /** Moves the pod to {@code next} and reports it. */
  void run(KubernetesClient client, State next) {
    state = next;
    if (ip == null) {
      int n = IPS.incrementAndGet();
      ip = "10.244." + (n / 250) % 250 + "." + (n % 250 + 1);
    }
    write(client);
  }

  private void write(KubernetesClient client) {
    patchStatus(client, client.pods().inNamespace(namespace).withName(name), status());
  }

  private Map<String, Object> status() {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, Object> status = new LinkedHashMap<>();
    String phase =
        switch (state) {
          case CREATING -> "Pending";
          case READY, CRASHING -> "Running";
          case SUCCEEDED -> "Succeeded";
          case FAILED -> "Failed";
        };
    status.put("phase", phase);
    boolean ready = state == State.READY;
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
      boolean on = type.equals("PodScheduled") || type.equals("Initialized") || ready;
      conditions.add(
          Map.of("type", type, "status", on ? "True" : "False", "lastTransitionTime", now));
    }
    status.put("conditions", conditions);
    status.put("hostIP", "10.0.0.1");
    if (ip != null) {
      status.put("podIP", ip);
      status.put("podIPs", List.of(Map.of("ip", ip)));
      status.put("startTime", now);
    }
    List<Map<String, Object>> containerStatuses = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", containers.get(i));
      c.put("image", images.get(i));
      c.put("ready", ready);
      c.put("started", state == State.READY || state == State.CRASHING);
      c.put("restartCount", state == State.CRASHING ? 1 : 0);
      c.put(
          "state",
          switch (state) {
            case CREATING -> Map.of("waiting", Map.of("reason", "ContainerCreating"));
            case READY -> Map.of("running", Map.of("startedAt", now));
            case CRASHING ->
                Map.of(
                    "waiting",
                    Map.of(
                        "reason",
                        "CrashLoopBackOff",
                        "message",
                        "back-off restarting failed container"));
            case SUCCEEDED ->
                Map.of(
                    "terminated", Map.of("exitCode", 0, "reason", "Completed", "finishedAt", now));
            case FAILED ->
                Map.of("terminated", Map.of("exitCode", 1, "reason", "Error", "finishedAt", now));
          });
      containerStatuses.add(c);
    }
    status.put("containerStatuses", containerStatuses);
    return status;
  }

  /** Merges {@code status} into the object's status subresource. */
  static void patchStatus(
      KubernetesClient client, Resource<?> resource, Map<String, Object> status) {
    String json = client.getKubernetesSerialization().asJson(Map.of("status", status));
    resource.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  private static String suffix() {
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(
          SUFFIX_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(SUFFIX_ALPHABET.length())));
    }
    return s.toString();
  }
}
