package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.traffic.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Builds the core's {@link Observed} from the objects of a {@link ClusterState}. */
final class ObservedReader {

  private ObservedReader() {}

  static Observed read(Rollout rollout, ClusterState state) {
    Observed.Builder observed = Observed.builder();
    state.replicaSets().stream()
        .filter(rs -> rs.getMetadata() != null && inNamespace(rs, rollout) && owned(rs, rollout))
        .forEach(rs -> observed.addReplicaSet(replicaSet(rs)));
    Set<String> named = namedServices(rollout);
    state.services().stream()
        .filter(s -> inNamespace(s, rollout) && named.contains(name(s)))
        .forEach(s -> observed.putService(name(s), service(s)));
    state.ingresses().stream()
        .filter(i -> inNamespace(i, rollout))
        .forEach(i -> observed.addRoutingObject(manifest(i)));
    return observed.build();
  }

  /** The ReplicaSet as the engine sees it. */
  static ObservedReplicaSet replicaSet(ReplicaSet rs) {
    ObjectMeta metadata = rs.getMetadata();
    String object = describe(rs);
    Map<String, String> labels = Optional.ofNullable(metadata.getLabels()).orElse(Map.of());
    Node annotations = Node.of(object, "metadata.annotations", metadata.getAnnotations());
    String templateHash = PodTemplateHash.ofReplicaSet(rs);
    ReplicaSetSpec spec = Optional.ofNullable(rs.getSpec()).orElseGet(ReplicaSetSpec::new);
    ReplicaSetStatus status = Optional.ofNullable(rs.getStatus()).orElseGet(ReplicaSetStatus::new);
    Node creation = Node.of(object, "metadata.creationTimestamp", metadata.getCreationTimestamp());
    if (metadata.getName() == null || metadata.getName().isEmpty()) {
      throw new ManifestException(object, "metadata.name", "is required");
    }
    ObservedReplicaSet.Builder b =
        ObservedReplicaSet.builder()
            .name(metadata.getName())
            .podTemplateHash(
                Optional.ofNullable(labels.get(Annotations.POD_TEMPLATE_HASH_LABEL))
                    .filter(h -> !h.isEmpty())
                    .orElse(templateHash))
            .templateHash(templateHash)
            .specReplicas(Optional.ofNullable(spec.getReplicas()).orElse(1))
            .statusReplicas(zeroIfAbsent(status.getReplicas()))
            .readyReplicas(zeroIfAbsent(status.getReadyReplicas()))
            .availableReplicas(zeroIfAbsent(status.getAvailableReplicas()))
            .creationTime(creation.time().orElseThrow(() -> creation.error("is required")));
    integerAnnotation(annotations.get(Annotations.REVISION)).ifPresent(b::revision);
    Node desired = annotations.get(Annotations.DESIRED_REPLICAS);
    integerAnnotation(desired).map(n -> toInt(n, desired)).ifPresent(b::desiredReplicasAnnotation);
    Node deadline = annotations.get(Annotations.SCALE_DOWN_DEADLINE);
    deadline
        .string()
        .filter(s -> !s.isEmpty())
        .map(deadline::parseTime)
        .ifPresent(b::scaleDownDeadline);
    return b.build();
  }

  /** Whether {@code rs} belongs to {@code rollout}; see {@link RolloutMapper#toObserved}. */
  static boolean owned(ReplicaSet rs, Rollout rollout) {
    Optional<OwnerReference> controller =
        Optional.ofNullable(rs.getMetadata().getOwnerReferences()).stream()
            .flatMap(List::stream)
            .filter(r -> Boolean.TRUE.equals(r.getController()))
            .findFirst();
    if (controller.isEmpty()) {
      Map<String, String> labels =
          Optional.ofNullable(rs.getMetadata().getLabels()).orElse(Map.of());
      return !rollout.spec().selector().isEmpty() && rollout.spec().selector().matches(labels);
    }
    OwnerReference owner = controller.get();
    if (!"Rollout".equals(owner.getKind())) {
      return false;
    }
    Optional<String> ownerUid = Optional.ofNullable(owner.getUid()).filter(u -> !u.isEmpty());
    if (ownerUid.isPresent() && rollout.uid().isPresent()) {
      return ownerUid.equals(rollout.uid());
    }
    return rollout.name().equals(owner.getName());
  }

  /** The Services the strategy names: canary, stable, active and preview. */
  private static Set<String> namedServices(Rollout rollout) {
    Set<String> names = new LinkedHashSet<>();
    rollout
        .spec()
        .strategy()
        .canary()
        .ifPresent(
            c ->
                Stream.of(c.canaryService(), c.stableService())
                    .flatMap(Optional::stream)
                    .forEach(names::add));
    rollout
        .spec()
        .strategy()
        .blueGreen()
        .ifPresent(
            b ->
                Stream.of(b.activeService(), b.previewService())
                    .flatMap(Optional::stream)
                    .forEach(names::add));
    return names;
  }

  private static ObservedService service(Service service) {
    Map<String, String> selector =
        service.getSpec() == null ? null : service.getSpec().getSelector();
    return new ObservedService(name(service), Optional.ofNullable(selector).orElse(Map.of()));
  }

  private static Manifest manifest(Ingress ingress) {
    try {
      return new Manifest(KubeJson.toTree(ingress));
    } catch (IllegalArgumentException e) {
      throw new ManifestException(describe(ingress), "", "cannot be read: " + e.getMessage(), e);
    }
  }

  private static Optional<Long> integerAnnotation(Node annotation) {
    return annotation
        .string()
        .filter(s -> !s.isEmpty())
        .map(
            s -> {
              try {
                return Long.parseLong(s.trim());
              } catch (NumberFormatException e) {
                throw annotation.error("must be an integer, was " + Node.describe(s));
              }
            });
  }

  private static int toInt(long n, Node annotation) {
    if (n != (int) n) {
      throw annotation.error("must be a 32-bit integer, was " + Node.describe(Long.toString(n)));
    }
    return (int) n;
  }

  private static boolean inNamespace(HasMetadata object, Rollout rollout) {
    String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    return namespace == null || namespace.equals(rollout.namespace());
  }

  private static String name(HasMetadata object) {
    return Objects.requireNonNullElse(object.getMetadata().getName(), "");
  }

  private static int zeroIfAbsent(Integer count) {
    return count == null ? 0 : count;
  }

  /** {@code Kind namespace/name}, as messages name an object. */
  static String describe(HasMetadata object) {
    ObjectMeta metadata = Optional.ofNullable(object.getMetadata()).orElseGet(ObjectMeta::new);
    return object.getKind()
        + " "
        + Optional.ofNullable(metadata.getNamespace()).orElse("default")
        + "/"
        + Optional.ofNullable(metadata.getName()).orElse("");
  }
}
