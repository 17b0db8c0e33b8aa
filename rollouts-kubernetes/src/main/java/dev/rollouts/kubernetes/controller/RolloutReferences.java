package dev.rollouts.kubernetes.controller;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How the objects around a Rollout map to it and back, for any cache of cluster objects: {@link
 * RolloutController}'s informers and {@code rollouts-operator-sdk}'s event sources use these same
 * functions, so both see the same objects as a Rollout's.
 *
 * <ul>
 *   <li>A ReplicaSet belongs to the Rollout named by its controller owner reference ({@code
 *       argoproj.io/…} {@code Rollout}); one without a controller is an orphan of its namespace,
 *       which a Rollout whose selector matches its labels may adopt.
 *   <li>A Service or Ingress concerns every Rollout of its namespace whose {@code spec.strategy}
 *       names it (any string in the strategy tree: broader than needed, which costs only a sync).
 *   <li>A Rollout is this controller's when its {@value #INSTANCE_ID_LABEL} label equals the
 *       controller's instance id, or, for a controller without one, when it has no such label:
 *       Argo's {@code InstanceIDRequirement}.
 * </ul>
 *
 * <p>Keys are {@code namespace/name}.
 */
public final class RolloutReferences {

  /** Argo's label that assigns a Rollout to one controller instance. */
  public static final String INSTANCE_ID_LABEL = "argo-rollouts.argoproj.io/controller-instance-id";

  /** The index of ReplicaSets by {@link #ownerKeys}. */
  public static final String BY_OWNER = "byOwner";

  /** The index of Rollouts by {@link #referencedKeys}. */
  public static final String BY_REFERENCE = "byReference";

  private static final String ORPHAN = "<no controller>";

  private RolloutReferences() {}

  /** {@code namespace/name} of {@code object}. */
  public static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  /**
   * Whether a controller with {@code instanceId} manages {@code rollout}: Argo's instance-id
   * requirement (equal label, or no label for a controller without an id).
   */
  public static boolean selects(Optional<String> instanceId, RolloutResource rollout) {
    Map<String, String> labels =
        Optional.ofNullable(rollout.getMetadata().getLabels()).orElse(Map.of());
    return instanceId
        .map(id -> id.equals(labels.get(INSTANCE_ID_LABEL)))
        .orElse(!labels.containsKey(INSTANCE_ID_LABEL));
  }

  /** The Rollout controller owner reference of {@code object}, if it has one. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .filter(
            o ->
                RolloutResource.KIND.equals(o.getKind())
                    && Objects.toString(o.getApiVersion(), "")
                        .startsWith(RolloutResource.GROUP + "/"))
        .findFirst();
  }

  /**
   * Index function of ReplicaSets ({@link #BY_OWNER}): the key of the Rollout that controls it, or
   * {@link #orphansOf} its namespace when nothing controls it, or nothing when something else does.
   */
  public static List<String> ownerKeys(HasMetadata rs) {
    String namespace = rs.getMetadata().getNamespace();
    boolean hasController =
        rs.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> Boolean.TRUE.equals(o.getController()));
    return controllerOf(rs)
        .map(o -> List.of(namespace + "/" + o.getName()))
        .orElse(hasController ? List.of() : List.of(orphansOf(namespace)));
  }

  /**
   * The {@link #BY_OWNER} index key of the ReplicaSets of {@code namespace} without a controller.
   */
  public static String orphansOf(String namespace) {
    return namespace + "/" + ORPHAN;
  }

  /**
   * Index function of Rollouts ({@link #BY_REFERENCE}): {@code namespace/name} for every string in
   * {@code spec.strategy}, so that the Services and Ingresses a strategy names map back to it.
   */
  public static List<String> referencedKeys(RolloutResource rollout) {
    Set<String> names = new LinkedHashSet<>();
    collectStrings(rollout.getSpec().get("strategy"), names);
    String namespace = rollout.getMetadata().getNamespace();
    return names.stream().map(n -> namespace + "/" + n).toList();
  }

  /**
   * The keys of the Rollouts a change of {@code object} concerns: its controller owner; for an
   * orphan ReplicaSet ({@code adoptable}), the Rollouts of its namespace whose selector matches it;
   * and the Rollouts whose strategy names it.
   *
   * @param rolloutsInNamespace the cached Rollouts of a namespace
   * @param rolloutsReferencing the cached Rollouts by {@link #BY_REFERENCE} index key
   */
  public static Set<String> rolloutsOf(
      HasMetadata object,
      boolean adoptable,
      Function<String, ? extends Collection<RolloutResource>> rolloutsInNamespace,
      Function<String, ? extends Collection<RolloutResource>> rolloutsReferencing) {
    String namespace = object.getMetadata().getNamespace();
    Set<String> keys = new LinkedHashSet<>();
    controllerOf(object).ifPresent(owner -> keys.add(namespace + "/" + owner.getName()));
    if (keys.isEmpty() && adoptable && object instanceof ReplicaSet rs) {
      Map<String, String> labels =
          Optional.ofNullable(rs.getMetadata().getLabels()).orElse(Map.of());
      rolloutsInNamespace.apply(namespace).stream()
          .filter(r -> Selectors.matches(r.getSpec().get("selector"), labels))
          .forEach(r -> keys.add(key(r)));
    }
    rolloutsReferencing.apply(key(object)).forEach(r -> keys.add(key(r)));
    return keys;
  }

  /**
   * The Rollout and the objects around it: its ReplicaSets and the orphans of its namespace (which
   * it may adopt), the Services its strategy names, the Ingresses of its namespace.
   *
   * @param replicaSetsByOwner the cached ReplicaSets by {@link #BY_OWNER} index key
   * @param servicesInNamespace the cached Services of a namespace
   * @param ingressesInNamespace the cached Ingresses of a namespace
   */
  public static ClusterState stateOf(
      RolloutResource rollout,
      Function<String, ? extends Collection<ReplicaSet>> replicaSetsByOwner,
      Function<String, ? extends Collection<Service>> servicesInNamespace,
      Function<String, ? extends Collection<Ingress>> ingressesInNamespace) {
    String namespace = rollout.getMetadata().getNamespace();
    List<ReplicaSet> rs = new ArrayList<>(replicaSetsByOwner.apply(key(rollout)));
    rs.addAll(replicaSetsByOwner.apply(orphansOf(namespace)));
    Set<String> names = Set.copyOf(referencedKeys(rollout));
    List<Service> svc =
        servicesInNamespace.apply(namespace).stream().filter(s -> names.contains(key(s))).toList();
    return ClusterState.builder()
        .rollout(rollout)
        .replicaSets(rs)
        .services(svc)
        .ingresses(ingressesInNamespace.apply(namespace))
        .build();
  }

  private static void collectStrings(Object tree, Set<String> into) {
    if (tree instanceof String s) {
      into.add(s);
    } else if (tree instanceof Map<?, ?> map) {
      map.values().forEach(v -> collectStrings(v, into));
    } else if (tree instanceof List<?> list) {
      list.forEach(v -> collectStrings(v, into));
    }
  }
}
