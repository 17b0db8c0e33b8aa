package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.decision.ReplicaSetCreation;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * ReplicaSets as Argo Rollouts writes them: a new one built from the Rollout's pod template, and
 * the desired state of an existing one.
 */
final class ReplicaSets {

  /** Annotation on a ReplicaSet rolled back to: the revisions it served before. */
  static final String REVISION_HISTORY = "rollout.argoproj.io/revision-history";

  /** Rollout annotations a new ReplicaSet does not inherit, as in Argo Rollouts. */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          Annotations.REVISION,
          REVISION_HISTORY,
          Annotations.DESIRED_REPLICAS);

  private static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

  private ReplicaSets() {}

  /** {@code spec.replicas} of the Rollout, 1 when absent. */
  static int rolloutReplicas(RolloutResource rollout) {
    return rollout.getSpec().get("replicas") instanceof Number n ? n.intValue() : 1;
  }

  /**
   * The ReplicaSet {@code creation} asks for: the Rollout's pod template, with the
   * pod-template-hash label on the ReplicaSet, its selector and its pods; owned by the Rollout as
   * its controller; annotated with the revision and the Rollout's replicas; with the anti-affinity
   * term, if any; with the ephemeral pod metadata, if any, in its pod template and recorded in the
   * {@value Annotations#EPHEMERAL_METADATA} annotation (see {@link EphemeralPodMetadata}).
   */
  static ReplicaSet newReplicaSet(
      RolloutResource rollout, ReplicaSetCreation creation, KubernetesSerialization serialization) {
    String hash = creation.podTemplateHash();
    PodTemplateSpec template =
        serialization.convertValue(
            rollout.getSpec().getOrDefault("template", Map.of()), PodTemplateSpec.class);
    LabelSelector selector =
        serialization.convertValue(
            rollout.getSpec().getOrDefault("selector", Map.of()), LabelSelector.class);
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> labels =
        new LinkedHashMap<>(
            Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of()));
    labels.put(Annotations.POD_TEMPLATE_HASH_LABEL, hash);
    template.getMetadata().setLabels(labels);
    Map<String, String> matchLabels =
        new LinkedHashMap<>(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()));
    matchLabels.put(Annotations.POD_TEMPLATE_HASH_LABEL, hash);
    selector.setMatchLabels(matchLabels);
    creation
        .antiAffinity()
        .ifPresent(rule -> addAntiAffinity(template, rule, rollout.getMetadata().getNamespace()));

    Map<String, String> annotations = new LinkedHashMap<>();
    Optional.ofNullable(rollout.getMetadata().getAnnotations())
        .orElse(Map.of())
        .forEach(
            (k, v) -> {
              if (!NOT_COPIED.contains(k)) {
                annotations.put(k, v);
              }
            });
    creation
        .podMetadata()
        .ifPresent(desired -> injectPodMetadata(template.getMetadata(), annotations, desired));
    annotations.put(Annotations.REVISION, Long.toString(creation.revision()));
    annotations.put(Annotations.DESIRED_REPLICAS, Integer.toString(rolloutReplicas(rollout)));
    int minReadySeconds =
        rollout.getSpec().get("minReadySeconds") instanceof Number n ? n.intValue() : 0;

    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(creation.name())
        .withNamespace(rollout.getMetadata().getNamespace())
        .withLabels(new LinkedHashMap<>(labels))
        .withAnnotations(annotations)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(RolloutResource.API_VERSION)
                .withKind(RolloutResource.KIND)
                .withName(rollout.getMetadata().getName())
                .withUid(rollout.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withNewSpec()
        .withReplicas(creation.replicas())
        .withMinReadySeconds(minReadySeconds)
        .withSelector(selector)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  private static void addAntiAffinity(
      PodTemplateSpec template, AntiAffinityRule rule, String namespace) {
    if (template.getSpec() == null) {
      template.setSpec(new io.fabric8.kubernetes.api.model.PodSpec());
    }
    Affinity affinity =
        Optional.ofNullable(template.getSpec().getAffinity()).orElseGet(Affinity::new);
    PodAntiAffinity anti =
        Optional.ofNullable(affinity.getPodAntiAffinity()).orElseGet(PodAntiAffinity::new);
    PodAffinityTerm term =
        new PodAffinityTermBuilder()
            .withNewLabelSelector()
            .withMatchExpressions(
                new LabelSelectorRequirementBuilder()
                    .withKey(Annotations.POD_TEMPLATE_HASH_LABEL)
                    .withOperator("In")
                    .withValues(rule.podTemplateHash())
                    .build())
            .endLabelSelector()
            .withNamespaces(namespace)
            .withTopologyKey(HOSTNAME_TOPOLOGY)
            .build();
    if (rule.kind() instanceof AntiAffinity.Preferred preferred) {
      anti.getPreferredDuringSchedulingIgnoredDuringExecution()
          .add(new WeightedPodAffinityTerm(term, preferred.weight()));
    } else {
      anti.getRequiredDuringSchedulingIgnoredDuringExecution().add(term);
    }
    affinity.setPodAntiAffinity(anti);
    template.getSpec().setAffinity(affinity);
  }

  /**
   * Makes {@code template} carry {@code desired} instead of the ephemeral metadata {@code
   * annotations} (the ReplicaSet's) record, and records what it injected there. Returns whether the
   * template changed.
   */
  static boolean injectPodMetadata(
      ObjectMeta template, Map<String, String> annotations, PodMetadata desired) {
    PodMetadata recorded = EphemeralPodMetadata.recorded(annotations);
    PodMetadata injected = EphemeralPodMetadata.injectable(template, recorded, desired);
    boolean changed = EphemeralPodMetadata.replace(template, recorded, injected);
    EphemeralPodMetadata.annotation(injected)
        .ifPresentOrElse(
            json -> annotations.put(Annotations.EPHEMERAL_METADATA, json),
            () -> annotations.remove(Annotations.EPHEMERAL_METADATA));
    return changed;
  }

  /**
   * Makes {@code rs} (a copy the caller owns) what {@code update} asks: its replicas, its revision
   * (keeping the one it replaces in the revision history, as on a rollback), its scale-down
   * deadline, the Rollout's replicas in the desired-replicas annotation whenever it is scaled or
   * has pods, and its ephemeral pod metadata when the update has some. Returns whether anything
   * changed.
   */
  static boolean applyUpdate(ReplicaSet rs, ReplicaSetUpdate update, int rolloutReplicas) {
    int current = specReplicas(rs);
    Map<String, String> annotations =
        new LinkedHashMap<>(
            Optional.ofNullable(rs.getMetadata().getAnnotations()).orElse(Map.of()));
    Map<String, String> before = Map.copyOf(annotations);

    String revision = Long.toString(update.revision());
    String oldRevision = annotations.get(Annotations.REVISION);
    if (update.revision() > 0 && !revision.equals(oldRevision)) {
      annotations.put(Annotations.REVISION, revision);
      if (oldRevision != null && parseLong(oldRevision) < update.revision()) {
        String history = annotations.get(REVISION_HISTORY);
        annotations.put(
            REVISION_HISTORY,
            history == null || history.isEmpty() ? oldRevision : history + "," + oldRevision);
      }
    }
    if (current != update.replicas() || update.replicas() > 0) {
      annotations.put(Annotations.DESIRED_REPLICAS, Integer.toString(rolloutReplicas));
    }
    Optional<Instant> deadline =
        update.scaleDownDeadline().map(d -> d.truncatedTo(ChronoUnit.SECONDS));
    if (deadline.isPresent()) {
      if (!deadline.equals(parseInstant(annotations.get(Annotations.SCALE_DOWN_DEADLINE)))) {
        annotations.put(Annotations.SCALE_DOWN_DEADLINE, deadline.get().toString());
      }
    } else {
      annotations.remove(Annotations.SCALE_DOWN_DEADLINE);
    }
    boolean templateChanged =
        update.podMetadata().isPresent()
            && injectPodMetadata(templateMetadata(rs), annotations, update.podMetadata().get());

    boolean changed =
        current != update.replicas() || !annotations.equals(before) || templateChanged;
    rs.getSpec().setReplicas(update.replicas());
    rs.getMetadata().setAnnotations(annotations);
    return changed;
  }

  /** The metadata of the pod template of {@code rs}, created empty if it has none. */
  static ObjectMeta templateMetadata(ReplicaSet rs) {
    if (rs.getSpec().getTemplate() == null) {
      rs.getSpec().setTemplate(new PodTemplateSpec());
    }
    if (rs.getSpec().getTemplate().getMetadata() == null) {
      rs.getSpec().getTemplate().setMetadata(new ObjectMeta());
    }
    return rs.getSpec().getTemplate().getMetadata();
  }

  /** {@code spec.replicas}, 1 when absent as the API server defaults it. */
  static int specReplicas(ReplicaSet rs) {
    return Objects.requireNonNullElse(rs.getSpec().getReplicas(), 1);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<Instant> parseInstant(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
