package dev.rollouts.kubernetes.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The status to write: the fields this library owns as the Decision says, every other field (one
 * written by Argo Rollouts' own controller, an analysis status, a plug-in's) as it was.
 *
 * <p>A field this library owns that the new status lacks is removed: {@code abortedAt} after a
 * retry, {@code pauseConditions} after a promote.
 */
final class StatusMerge {

  /** Top-level {@code status} fields the core's {@code RolloutStatus} models. */
  static final Set<String> OWNED =
      Set.of(
          "observedGeneration",
          "phase",
          "message",
          "conditions",
          "currentStepIndex",
          "currentStepHash",
          "currentPodHash",
          "stableRS",
          "replicas",
          "updatedReplicas",
          "readyReplicas",
          "availableReplicas",
          "HPAReplicas",
          "selector",
          "pauseConditions",
          "controllerPause",
          "abort",
          "abortedAt",
          "promoteFull",
          "restartedAt");

  /** Fields of the nested objects the core models; their other fields are kept. */
  static final Map<String, Set<String>> OWNED_NESTED =
      Map.of(
          "canary", Set.of("weights"),
          "blueGreen", Set.of("activeSelector", "previewSelector", "scaleUpPreviewCheckPoint"));

  private StatusMerge() {}

  /** {@code desired} over {@code current}, as described above. Neither argument is changed. */
  static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> desired) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    OWNED.forEach(merged::remove);
    desired.forEach(
        (key, value) -> {
          if (!OWNED_NESTED.containsKey(key)) {
            merged.put(key, value);
          }
        });
    OWNED_NESTED.forEach(
        (key, owned) -> {
          Map<String, Object> nested = new LinkedHashMap<>(asMap(current.get(key)));
          owned.forEach(nested::remove);
          nested.putAll(asMap(desired.get(key)));
          if (nested.isEmpty() && !desired.containsKey(key)) {
            merged.remove(key);
          } else {
            merged.put(key, nested);
          }
        });
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
