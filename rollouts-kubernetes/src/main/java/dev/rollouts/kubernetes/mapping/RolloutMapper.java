package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;

/**
 * Cluster objects to the core's {@link Rollout} and {@link Observed}.
 *
 * <pre>{@code
 * MappedRollout mapped = RolloutMapper.map(state);
 * Decision decision = engine.decide(mapped.rollout(), mapped.observed(), now);
 * }</pre>
 *
 * <p>Every field of the core's spec types is read from {@code spec} (see {@code
 * dev.rollouts.core.spec}); {@code status} is read by {@link StatusMapper}. A value of the wrong
 * type raises {@link ManifestException} naming the object and the field ({@code Rollout
 * default/web: spec.strategy.canary.steps[2].setWeight: must be an integer, was "abc"}); a readable
 * but invalid value (a negative weight, both strategies) is passed on for the engine to report as
 * {@code InvalidSpec}. Absent fields stay absent, so the engine applies Argo's defaults; an absent
 * {@code metadata.namespace} reads as {@code default}.
 */
public final class RolloutMapper {

  private RolloutMapper() {}

  /**
   * The Rollout and what was observed around it.
   *
   * @throws ManifestException if an object cannot be read
   */
  public static MappedRollout map(ClusterState state) {
    Rollout rollout = toRollout(state.rollout());
    return new MappedRollout(rollout, toObserved(rollout, state));
  }

  /**
   * The core's Rollout: identity from {@code metadata}, {@code spec}, and {@code status}.
   *
   * @throws ManifestException if a field has the wrong type or required structure is missing
   */
  public static Rollout toRollout(RolloutResource resource) {
    ObjectMeta metadata = Optional.ofNullable(resource.getMetadata()).orElseGet(ObjectMeta::new);
    String namespace = Optional.ofNullable(metadata.getNamespace()).orElse("default");
    String name = Optional.ofNullable(metadata.getName()).orElse("");
    String object = "Rollout " + namespace + "/" + name;
    if (name.isEmpty()) {
      throw new ManifestException(object, "metadata.name", "is required");
    }
    Rollout.Builder b =
        Rollout.builder()
            .name(name)
            .namespace(namespace)
            .spec(
                SpecReader.read(
                    Node.of(object, "spec", resource.getAdditionalProperties().get("spec"))))
            .status(
                StatusMapper.read(
                    Node.of(object, "status", resource.getAdditionalProperties().get("status"))));
    Optional.ofNullable(metadata.getUid()).filter(uid -> !uid.isEmpty()).ifPresent(b::uid);
    Optional.ofNullable(metadata.getGeneration()).ifPresent(b::generation);
    return b.build();
  }

  /**
   * What was observed around {@code rollout}: the ReplicaSets it owns, the Services its strategy
   * names that exist, and every Ingress in its namespace, whole, as routing objects.
   *
   * <p>A ReplicaSet in the Rollout's namespace is the Rollout's if its controller owner reference
   * names a {@code Rollout} with the Rollout's uid (or, when either side has no uid, as in a
   * hand-written file, with the Rollout's name); a ReplicaSet with no controller is the Rollout's
   * if the Rollout's selector selects its labels, as Argo Rollouts adopts orphans. From each, the
   * {@value Annotations#POD_TEMPLATE_HASH_LABEL} label (the template fingerprint when the label is
   * missing), the fingerprint of its template ({@link PodTemplateHash#ofReplicaSet}), the {@value
   * Annotations#REVISION}, {@value Annotations#DESIRED_REPLICAS} and {@value
   * Annotations#SCALE_DOWN_DEADLINE} annotations, {@code spec.replicas} (1 when absent, as the API
   * server defaults it), the status counts and {@code metadata.creationTimestamp} (required).
   *
   * @throws ManifestException if one of those objects cannot be read
   */
  public static Observed toObserved(Rollout rollout, ClusterState state) {
    return ObservedReader.read(rollout, state);
  }
}
