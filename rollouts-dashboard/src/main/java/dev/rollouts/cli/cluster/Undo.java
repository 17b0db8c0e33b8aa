package dev.rollouts.cli.cluster;

import dev.rollouts.cli.CommandFailure;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import dev.rollouts.kubernetes.mapping.PodTemplateHash;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rolls a Rollout back to an older revision, as Argo's {@code undo}: the pod template of the
 * ReplicaSet of that revision (default: the one before the newest) is copied into {@code
 * spec.template}, without its {@value Annotations#POD_TEMPLATE_HASH_LABEL} label. When the template
 * already is that revision's, nothing is written.
 */
public final class Undo {

  /** What {@link #toRevision} did. */
  public record Result(long revision, boolean skipped) {}

  private final KubernetesClient client;
  private final RolloutActions actions;

  /** Undo for Rollouts of {@code namespace}. */
  public Undo(KubernetesClient client, String namespace) {
    this.client = client;
    this.actions = new RolloutActions(client, namespace);
  }

  /**
   * Rolls {@code name} back to {@code revision}; 0 means the previous revision.
   *
   * @throws CommandFailure if there is no such revision
   */
  public Result toRevision(String name, long revision) {
    RolloutReader reader = actions.reader();
    RolloutResource rollout = reader.get(name);
    ReplicaSet target = find(rollout, reader.replicaSetsOf(rollout), revision);
    Map<String, Object> template = templateOf(target);
    if (PodTemplateHash.of(template).equals(PodTemplateHash.of(templateTree(rollout)))) {
      return new Result(revisionOf(target), true);
    }
    actions.change(
        name,
        current -> {
          RolloutActions.Patches p = RolloutActions.Patches.of(current);
          p.spec().set(template, "spec", "template");
          return p;
        });
    return new Result(revisionOf(target), false);
  }

  private static ReplicaSet find(
      RolloutResource rollout, List<ReplicaSet> replicaSets, long revision) {
    List<ReplicaSet> newestFirst =
        replicaSets.stream().sorted(Comparator.comparingLong(Undo::revisionOf).reversed()).toList();
    if (revision > 0) {
      return newestFirst.stream()
          .filter(rs -> revisionOf(rs) == revision)
          .findFirst()
          .orElseThrow(
              () ->
                  new CommandFailure(
                      "unable to find revision "
                          + revision
                          + " of rollout \""
                          + rollout.getMetadata().getName()
                          + "\""));
    }
    if (newestFirst.size() < 2) {
      throw new CommandFailure(
          "no previous revision of rollout \""
              + rollout.getMetadata().getName()
              + "\" to go back to");
    }
    return newestFirst.get(1);
  }

  private Map<String, Object> templateOf(ReplicaSet rs) {
    @SuppressWarnings("unchecked")
    Map<String, Object> template =
        client.getKubernetesSerialization().convertValue(rs.getSpec().getTemplate(), Map.class);
    if (template.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("labels") instanceof Map<?, ?> labels) {
      Map<String, Object> copy = new LinkedHashMap<>();
      labels.forEach((k, v) -> copy.put(String.valueOf(k), v));
      copy.remove(Annotations.POD_TEMPLATE_HASH_LABEL);
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) metadata;
      meta.put("labels", copy);
    }
    return template;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateTree(RolloutResource rollout) {
    return rollout.getSpec().get("template") instanceof Map<?, ?> t
        ? (Map<String, Object>) t
        : Map.of();
  }

  static long revisionOf(ReplicaSet rs) {
    return Optional.ofNullable(rs.getMetadata().getAnnotations())
        .map(a -> a.get(Annotations.REVISION))
        .map(
            v -> {
              try {
                return Long.parseLong(v.trim());
              } catch (NumberFormatException e) {
                return 0L;
              }
            })
        .orElse(0L);
  }
}
