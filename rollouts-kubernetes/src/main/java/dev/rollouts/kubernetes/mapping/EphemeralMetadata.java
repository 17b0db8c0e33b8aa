package dev.rollouts.kubernetes.mapping;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;

/**
 * The labels and annotations Argo Rollouts adds to a ReplicaSet's pod template from {@code
 * canaryMetadata}/{@code stableMetadata}, recorded in the {@value Annotations#EPHEMERAL_METADATA}
 * annotation. They come and go with the ReplicaSet's role, so they are not part of its template's
 * fingerprint.
 */
final class EphemeralMetadata {

  private EphemeralMetadata() {}

  /**
   * Removes from {@code template} (the ReplicaSet's pod template as a tree) each label and
   * annotation the ReplicaSet's annotation records with the same value. An annotation that is not
   * JSON is ignored.
   */
  @SuppressWarnings("unchecked")
  static void remove(ReplicaSet replicaSet, Map<String, Object> template) {
    Map<String, String> annotations =
        replicaSet.getMetadata() == null ? null : replicaSet.getMetadata().getAnnotations();
    String recorded = annotations == null ? null : annotations.get(Annotations.EPHEMERAL_METADATA);
    if (recorded == null || !(template.get("metadata") instanceof Map<?, ?> metadata)) {
      return;
    }
    KubeJson.parseObject(recorded)
        .ifPresent(
            ephemeral -> {
              for (String key : new String[] {"labels", "annotations"}) {
                if (ephemeral.get(key) instanceof Map<?, ?> added
                    && metadata.get(key) instanceof Map<?, ?> present) {
                  added.forEach(
                      (name, value) -> ((Map<String, Object>) present).remove(name, value));
                }
              }
            });
  }
}
