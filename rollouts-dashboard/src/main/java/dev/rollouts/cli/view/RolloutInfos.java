package dev.rollouts.cli.view;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cluster objects to a {@link RolloutInfo}: what Argo's plug-in computes for {@code get rollout}.
 *
 * <ul>
 *   <li>the phase and message: {@link RolloutPhase#of};
 *   <li>for a canary, the step {@code index/steps}; the set weight, the weight of the last {@code
 *       setWeight} step at or before the current one (0 when aborted or before the first, 100 once
 *       past the last step or without steps); the actual weight: 100 past the last step, 0 while no
 *       pod is available, else the canary weight last applied through the traffic router ({@code
 *       status.canary.weights}, the set weight if none was recorded), or without a router the
 *       canary ReplicaSet's share of the available pods;
 *   <li>the ReplicaSets the Rollout controls (its uid on their controller reference; its name when
 *       the Rollout has no uid), newest revision first, with their roles: {@code stable} (its hash
 *       is {@code status.stableRS}), {@code canary} (the current pod hash of a canary that is not
 *       stable), {@code active} and {@code preview} (the selectors of a blue-green);
 *   <li>the pods each ReplicaSet controls, oldest first ({@link PodInfos}).
 * </ul>
 */
public final class RolloutInfos {

  private RolloutInfos() {}

  /** The info of {@code snapshot}. */
  public static RolloutInfo of(RolloutSnapshot snapshot) {
    RolloutResource rollout = snapshot.rollout();
    ObjectMeta metadata = Optional.ofNullable(rollout.getMetadata()).orElseGet(ObjectMeta::new);
    Map<String, Object> spec = rollout.getSpec();
    Map<String, Object> status = rollout.getStatus();
    List<ReplicaSetInfo> replicaSets = replicaSets(snapshot, rollout);
    RolloutInfo.Builder info =
        RolloutInfo.builder()
            .name(Objects.toString(metadata.getName(), ""))
            .namespace(Objects.toString(metadata.getNamespace(), "default"))
            .created(timestamp(metadata.getCreationTimestamp()))
            .phase(RolloutPhase.of(metadata.getGeneration(), spec, status))
            .desired(Tree.integer(spec, "replicas").orElse(1))
            .current(Tree.integer(status, "replicas").orElse(0))
            .updated(Tree.integer(status, "updatedReplicas").orElse(0))
            .ready(Tree.integer(status, "readyReplicas").orElse(0))
            .available(Tree.integer(status, "availableReplicas").orElse(0))
            .replicaSets(replicaSets);
    if (Tree.object(spec, "strategy", "canary").isPresent()) {
      CanaryProgress canary = CanaryProgress.of(spec, status);
      info.strategy("Canary")
          .step(canary.step())
          .setWeight(canary.setWeight())
          .actualWeight(canary.actualWeight(spec, status, replicaSets));
    } else if (Tree.object(spec, "strategy", "blueGreen").isPresent()) {
      info.strategy("BlueGreen");
    } else {
      info.strategy("");
    }
    return info.build();
  }

  private static List<ReplicaSetInfo> replicaSets(
      RolloutSnapshot snapshot, RolloutResource rollout) {
    List<ReplicaSetInfo> infos = new ArrayList<>();
    for (ReplicaSet rs : snapshot.replicaSets()) {
      if (controlledBy(rs, rollout)) {
        infos.add(replicaSet(rs, rollout, snapshot));
      }
    }
    infos.sort(
        Comparator.comparingInt(ReplicaSetInfo::revision)
            .reversed()
            .thenComparing(ReplicaSetInfo::name));
    return infos;
  }

  private static ReplicaSetInfo replicaSet(
      ReplicaSet rs, RolloutResource rollout, RolloutSnapshot snapshot) {
    ObjectMeta metadata = rs.getMetadata();
    Map<String, String> annotations =
        Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of());
    var rsStatus = rs.getStatus();
    List<String> images = new ArrayList<>();
    if (rs.getSpec() != null
        && rs.getSpec().getTemplate() != null
        && rs.getSpec().getTemplate().getSpec() != null) {
      rs.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage()));
    }
    return ReplicaSetInfo.builder()
        .name(metadata.getName())
        .revision(parseInt(annotations.get(Annotations.REVISION)))
        .status(ReplicaSetHealth.of(rs))
        .tags(roles(rs, rollout))
        .scaleDownDeadline(timestamp(annotations.get(Annotations.SCALE_DOWN_DEADLINE)))
        .created(timestamp(metadata.getCreationTimestamp()))
        .images(images)
        .replicas(rsStatus == null ? 0 : orZero(rsStatus.getReplicas()))
        .available(rsStatus == null ? 0 : orZero(rsStatus.getAvailableReplicas()))
        .pods(PodInfos.ownedBy(rs, snapshot.pods()))
        .build();
  }

  private static List<String> roles(ReplicaSet rs, RolloutResource rollout) {
    Map<String, Object> spec = rollout.getSpec();
    Map<String, Object> status = rollout.getStatus();
    Optional<String> hash =
        Optional.ofNullable(rs.getMetadata().getLabels())
            .map(l -> l.get(Annotations.POD_TEMPLATE_HASH_LABEL));
    if (hash.isEmpty()) {
      return List.of();
    }
    List<String> roles = new ArrayList<>();
    boolean stable = hash.equals(Tree.string(status, "stableRS"));
    if (stable) {
      roles.add("stable");
    }
    if (Tree.object(spec, "strategy", "canary").isPresent()) {
      if (!stable && hash.equals(Tree.string(status, "currentPodHash"))) {
        roles.add("canary");
      }
    } else if (Tree.object(spec, "strategy", "blueGreen").isPresent()) {
      if (hash.equals(Tree.string(status, "blueGreen", "activeSelector"))) {
        roles.add("active");
      } else if (hash.equals(Tree.string(status, "blueGreen", "previewSelector"))) {
        roles.add("preview");
      }
    }
    return roles;
  }

  /**
   * Whether {@code object}'s controller is {@code owner}: by uid, or, when either has no uid (as in
   * a file), by kind and name.
   */
  static boolean controlledBy(HasMetadata object, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
      if (!Boolean.TRUE.equals(ref.getController())) {
        continue;
      }
      if (uid != null && ref.getUid() != null) {
        return uid.equals(ref.getUid());
      }
      return owner.getKind().equals(ref.getKind())
          && owner.getMetadata().getName().equals(ref.getName());
    }
    return false;
  }

  static Optional<Instant> timestamp(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(rfc3339));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
